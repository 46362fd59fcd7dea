<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

/**
 * De-duplication: Track v2 person event/page/screen operations without an `id` get a ULID `id` (appended as
 * the last key) in entity(), batch() and queue(); every retry of that call sends the same id.
 */
final class ReliabilityDedupTest extends TestCase
{
    private const ULID = '/^[0-9A-HJKMNP-TV-Z]{26}$/';

    /** Milliseconds since the epoch in a ULID's first 10 characters (Crockford base32). */
    private static function ulidTime(string $ulid): int
    {
        $alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        $ms = 0;
        for ($i = 0; $i < 10; $i++) {
            $ms = $ms * 32 + strpos($alphabet, $ulid[$i]);
        }
        return $ms;
    }

    /** Asserts $sent is $op with a fresh ULID id appended as its last key; returns the id. */
    private function assertGotId(array $op, array $sent, ?string $body = null): string
    {
        $this->assertArrayHasKey('id', $sent, 'an id was added');
        $keys = array_keys($sent);
        $this->assertSame('id', end($keys), 'the id is the last key');
        $id = $sent['id'];
        $this->assertIsString($id);
        $this->assertMatchesRegularExpression(self::ULID, $id);
        $this->assertLessThanOrEqual(30000, abs(self::ulidTime($id) - (int) (microtime(true) * 1000)),
            'the ULID time part is now');
        unset($sent['id']);
        $this->assertSame($op, $sent, 'everything else as given, in order');
        if ($body !== null) {
            $this->assertStringEndsWith(',"id":"' . $id . '"}', $body);
        }
        return $id;
    }

    public static function idActions(): array
    {
        return ['event' => ['event'], 'page' => ['page'], 'screen' => ['screen']];
    }

    /** @dataProvider idActions */
    #[\PHPUnit\Framework\Attributes\DataProvider('idActions')]
    public function testEntityGetsAUlidId(string $action): void
    {
        $op = ['type' => 'person', 'action' => $action, 'identifiers' => ['id' => 'u1'], 'name' => 'x',
            'attributes' => ['a' => 1]];

        $this->client(['retries' => 0])->track->entity($op);

        $req = $this->single();
        $this->assertGotId($op, $req['json'], $req['body']);
    }

    public function testEveryCallGetsItsOwnId(): void
    {
        $client = $this->client(['retries' => 0]);
        for ($i = 0; $i < 20; $i++) {
            $client->track->entity(self::eventOp());
        }

        $ids = array_map(fn ($r) => $r['json']['id'], $this->requests());
        $this->assertCount(20, $ids);
        $this->assertCount(20, array_unique($ids), 'no two calls share an id');
        foreach ($ids as $id) {
            $this->assertMatchesRegularExpression(self::ULID, $id);
        }
        $sorted = $ids;
        sort($sorted, SORT_STRING);
        $this->assertSame(array_map(fn ($id) => substr($id, 0, 10), $ids),
            array_map(fn ($id) => substr($id, 0, 10), $sorted), 'time parts never go backwards');
    }

    public function testRetriesOfEntitySendTheSameId(): void
    {
        self::server()->respond(500)->respond(503)->respond(200, '{"ok":1}');
        $op = self::eventOp();

        $this->client(['retries' => 2])->track->entity($op);

        $requests = $this->requests();
        $this->assertCount(3, $requests);
        $id = $this->assertGotId($op, $requests[0]['json']);
        foreach ($requests as $r) {
            $this->assertSame($id, $r['json']['id'], 'the same id on every attempt');
            $this->assertSame($requests[0]['body'], $r['body']);
        }
    }

    public function testRetriesOfBatchSendTheSameIds(): void
    {
        self::server()->respond(502)->respond(200, '{}');
        $ops = [self::eventOp('a'), self::identifyOp('b'), self::eventOp('c')];

        $this->client(['retries' => 1])->track->batch(['batch' => $ops]);

        $requests = $this->requests();
        $this->assertCount(2, $requests);
        $this->assertSame($requests[0]['body'], $requests[1]['body']);
        $sent = $requests[0]['json']['batch'];
        $this->assertCount(3, $sent);
        $a = $this->assertGotId($ops[0], $sent[0]);
        $this->assertSame($ops[1], $sent[1], 'identify gets no id');
        $c = $this->assertGotId($ops[2], $sent[2]);
        $this->assertNotSame($a, $c, 'each operation its own id');
    }

    public function testCallerSuppliedIdsAreKept(): void
    {
        $withId = ['type' => 'person', 'action' => 'event', 'id' => 'my-own-id', 'identifiers' => ['id' => 'u'],
            'name' => 'x'];
        $intId = ['type' => 'person', 'action' => 'page', 'identifiers' => ['id' => 'u'], 'name' => '/p', 'id' => 7];

        $client = $this->client(['retries' => 0]);
        $client->track->entity($withId);
        $client->track->batch(['batch' => [$withId, $intId]]);
        $client->track->queue($intId);
        $client->track->flush();

        [$entity, $batch, $flush] = $this->requests();
        $this->assertSame($withId, $entity['json']);
        $this->assertSame([$withId, $intId], $batch['json']['batch']);
        $this->assertSame([$intId], $flush['json']['batch']);
        $this->assertSame(1, substr_count($entity['body'], '"id":"my-own-id"'));
    }

    public static function opsWithoutId(): array
    {
        $who = ['id' => 'u1'];
        return [
            'person identify' => [['type' => 'person', 'action' => 'identify', 'identifiers' => $who]],
            'person delete' => [['type' => 'person', 'action' => 'delete', 'identifiers' => $who]],
            'person add_device' => [['type' => 'person', 'action' => 'add_device', 'identifiers' => $who,
                'device' => ['token' => 't', 'platform' => 'ios']]],
            'person merge' => [['type' => 'person', 'action' => 'merge', 'identifiers' => $who,
                'primary' => ['id' => 'a'], 'secondary' => ['id' => 'b']]],
            'object identify' => [['type' => 'object', 'action' => 'identify',
                'identifiers' => ['object_type_id' => '1', 'object_id' => 'acme']]],
            'object event' => [['type' => 'object', 'action' => 'event',
                'identifiers' => ['object_type_id' => '1', 'object_id' => 'acme'], 'name' => 'x']],
            'delivery event' => [['type' => 'delivery', 'action' => 'event', 'identifiers' => ['id' => 'd1'],
                'name' => 'opened']],
            'Person (case)' => [['type' => 'Person', 'action' => 'event', 'identifiers' => $who, 'name' => 'x']],
            'EVENT (case)' => [['type' => 'person', 'action' => 'EVENT', 'identifiers' => $who, 'name' => 'x']],
        ];
    }

    /** @dataProvider opsWithoutId */
    #[\PHPUnit\Framework\Attributes\DataProvider('opsWithoutId')]
    public function testOnlyPersonEventsPagesAndScreensGetAnId(array $op): void
    {
        $client = $this->client(['retries' => 0]);
        $client->track->entity($op);
        $client->track->batch(['batch' => [$op]]);
        $client->track->queue($op);
        $client->track->flush();

        [$entity, $batch, $flush] = $this->requests();
        $this->assertSame($op, $entity['json']);
        $this->assertSame([$op], $batch['json']['batch']);
        $this->assertSame([$op], $flush['json']['batch']);
    }

    public function testBatchGivesEachEventItsOwnIdAcrossSplitRequests(): void
    {
        $ops = [];
        for ($i = 0; $i < 30; $i++) {
            $ops[] = $i % 3 === 0 ? self::identifyOp("p$i") : self::eventOp("p$i", 'e' . $i, ['pad' => str_repeat('x', 60)]);
        }

        $this->client(['retries' => 0, 'max_batch_bytes' => 1200])->track->batch(['batch' => $ops]);

        $sent = [];
        foreach ($this->requests() as $r) {
            $this->assertLessThanOrEqual(1200, strlen($r['body']));
            array_push($sent, ...$r['json']['batch']);
        }
        $this->assertGreaterThan(2, count($this->requests()));
        $this->assertCount(30, $sent);
        $ids = [];
        foreach ($ops as $i => $op) {
            if ($i % 3 === 0) {
                $this->assertSame($op, $sent[$i]);
            } else {
                $ids[] = $this->assertGotId($op, $sent[$i]);
            }
        }
        $this->assertCount(20, array_unique($ids));
    }

    public function testQueueGivesIdsWhenQueuedAndFlushSendsThem(): void
    {
        $client = $this->client(['retries' => 0]);
        $ops = [self::eventOp('a'), self::identifyOp('b'), ['type' => 'person', 'action' => 'screen',
            'identifiers' => ['id' => 'c'], 'name' => 'Home']];
        foreach ($ops as $op) {
            $client->track->queue($op);
        }
        $this->assertNothingSent();

        $client->track->flush();

        $sent = $this->single()['json']['batch'];
        $this->assertCount(3, $sent);
        $this->assertGotId($ops[0], $sent[0]);
        $this->assertSame($ops[1], $sent[1]);
        $this->assertGotId($ops[2], $sent[2]);
    }

    public function testAFailedFlushResendsTheSameIds(): void
    {
        $client = $this->client(['retries' => 0]);
        $client->track->queue(self::eventOp('a'));
        $client->track->queue(self::eventOp('b'));
        self::server()->respond(503);

        $this->catchThrowable(fn () => $client->track->flush());
        $client->track->flush();

        $requests = $this->requests();
        $this->assertCount(2, $requests);
        $this->assertSame($requests[0]['body'], $requests[1]['body'], 'the same operations with the same ids');
    }

    public function testAutoEventIdOptionFalseDisablesIds(): void
    {
        $op = self::eventOp();
        $client = $this->client(['retries' => 0, 'auto_event_id' => false]);

        $client->track->entity($op);
        $client->track->batch(['batch' => [$op]]);
        $client->track->queue($op);
        $client->track->flush();

        [$entity, $batch, $flush] = $this->requests();
        $this->assertSame($op, $entity['json']);
        $this->assertSame([$op], $batch['json']['batch']);
        $this->assertSame([$op], $flush['json']['batch']);
    }

    public function testIniAutoEventIdOffDisablesIdsAndTheOptionWins(): void
    {
        ini_set('customerio.auto_event_id', '0');
        $op = self::eventOp();

        $this->client(['retries' => 0])->track->entity($op);
        $this->client(['retries' => 0, 'auto_event_id' => true])->track->entity($op);

        [$off, $on] = $this->requests();
        $this->assertSame($op, $off['json'], 'ini customerio.auto_event_id=0');
        $this->assertGotId($op, $on['json']);
    }

    public function testRetriesThroughTheV1PostPathAreNotGivenIds(): void
    {
        // only Track v2 operations get ids: a v1 event body stays exactly as given
        $client = $this->client(['retries' => 0]);
        $client->customers->event(['id' => 'u1', 'name' => 'purchase', 'data' => ['a' => 1]]);

        $this->assertSame(['name' => 'purchase', 'data' => ['a' => 1]], $this->single()['json']);
    }
}
