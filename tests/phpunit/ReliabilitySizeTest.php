<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Exception\ClientException;
use Customerio\Exception\InvalidArgumentException;

/**
 * Customer.io's size limits: one operation at most max_entity_bytes (32768) of JSON, one batch request at most
 * max_batch_bytes (500000). batch() splits into requests under the limit and merges their answers.
 */
final class ReliabilitySizeTest extends TestCase
{
    private const FLAGS = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;

    /** An identify operation whose JSON is exactly $bytes long (no id is added to identify). */
    private static function identifyOfSize(int $bytes, string $person = '42'): array
    {
        $op = self::identifyOp($person, ['pad' => '']);
        $base = strlen(json_encode($op, self::FLAGS));
        $op['attributes']['pad'] = str_repeat('a', $bytes - $base);
        self::assertSame($bytes, strlen(json_encode($op, self::FLAGS)));
        return $op;
    }

    /** Every operation the server received, in order of arrival, and the request bodies. */
    private function sentOps(): array
    {
        $ops = [];
        foreach ($this->requests() as $r) {
            $this->assertSame('/api/v2/batch', $r['path']);
            $this->assertIsArray($r['json'], 'each request is JSON');
            $this->assertSame(['batch'], array_keys($r['json']));
            array_push($ops, ...$r['json']['batch']);
        }
        return $ops;
    }

    // ---- max_entity_bytes ----

    public function testEntityAtTheDefaultLimitIsSentAndOneByteMoreIsRefused(): void
    {
        $client = $this->client(['retries' => 0]);

        $client->track->entity(self::identifyOfSize(32768));
        $this->assertSame(32768, strlen($this->single()['body']));

        self::server()->reset();
        $op = self::identifyOfSize(32769);
        $e = $this->catchThrowable(fn () => $client->track->entity($op));
        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertStringContainsString('32769', $e->getMessage(), 'names the size');
        $this->assertStringContainsString('32768', $e->getMessage(), 'names the limit');
        $this->assertStringContainsString('max_entity_bytes', $e->getMessage());
        $this->assertNothingSent();
    }

    public function testEntityLimitCountsTheAddedId(): void
    {
        $client = $this->client(['retries' => 0, 'max_entity_bytes' => 300]);
        $op = self::eventOp('42', 'e', ['pad' => '']);
        $base = strlen(json_encode($op, self::FLAGS));
        $op['attributes']['pad'] = str_repeat('b', 300 - $base - strlen(',"id":"01ARZ3NDEKTSV4RRFFQ69G5FAV"'));

        $client->track->entity($op);
        $this->assertSame(300, strlen($this->single()['body']), 'exactly the limit with the id');

        self::server()->reset();
        $op['attributes']['pad'] .= 'b';
        $e = $this->catchThrowable(fn () => $client->track->entity($op));
        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertStringContainsString('301', $e->getMessage());
        $this->assertNothingSent();
    }

    public function testAFiveMegabyteAttributeIsASizeErrorNotACrash(): void
    {
        $op = self::identifyOp('42', ['blob' => str_repeat("\u{00e9}x", intdiv(5 * 1024 * 1024, 3))]);
        $client = $this->client(['retries' => 0]);

        $e = $this->catchThrowable(fn () => $client->track->entity($op));
        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertStringContainsString((string) strlen(json_encode($op, self::FLAGS)), $e->getMessage());

        $e = $this->catchThrowable(fn () => $client->track->batch(['batch' => [self::identifyOp('1'), $op]]));
        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertStringContainsString('#1', $e->getMessage());

        $e = $this->catchThrowable(fn () => $client->track->queue($op));
        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertNull($client->track->flush(), 'nothing was queued');
        $this->assertNothingSent();
    }

    public function testBatchWithAnOversizedOperationSendsNothingAndNamesIt(): void
    {
        $ops = [];
        for ($i = 0; $i < 10; $i++) {
            $ops[] = self::identifyOfSize($i === 7 ? 1500 : 300, "p$i");
        }
        $client = $this->client(['retries' => 0, 'max_entity_bytes' => 1000, 'max_batch_bytes' => 2000]);

        $e = $this->catchThrowable(fn () => $client->track->batch(['batch' => $ops]));

        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertStringContainsString('#7', $e->getMessage(), 'names the index');
        $this->assertStringContainsString('1500', $e->getMessage(), 'names the size');
        $this->assertStringNotContainsString('#0', $e->getMessage());
        $this->assertNothingSent();
    }

    public function testBatchIndexInTheMessageIsTheCallersPosition(): void
    {
        $ops = [self::identifyOp('a'), self::identifyOp('b'), self::identifyOfSize(40000, 'c')];

        $e = $this->catchThrowable(fn () => $this->client(['retries' => 0])->track->batch(['batch' => $ops]));

        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertStringContainsString('#2', $e->getMessage());
        $this->assertStringContainsString('40000', $e->getMessage());
        $this->assertNothingSent();
    }

    public function testSizeErrorsAreGuzzlesInvalidArgumentExceptionWithGuzzle(): void
    {
        self::loadGuzzle();
        ini_set('customerio.exceptions', 'auto');
        $client = $this->client(['retries' => 0]);

        $e = $this->catchThrowable(fn () => $client->track->entity(self::identifyOfSize(32769)));
        $this->assertExactClass(\GuzzleHttp\Exception\InvalidArgumentException::class, $e);
        $this->assertStringContainsString('32769', $e->getMessage());

        $e = $this->catchThrowable(fn () => $client->track->batch(['batch' => [self::identifyOp(), self::identifyOfSize(33000)]]));
        $this->assertExactClass(\GuzzleHttp\Exception\InvalidArgumentException::class, $e);
        $this->assertStringContainsString('#1', $e->getMessage());

        ini_set('customerio.exceptions', 'native');
        $e = $this->catchThrowable(fn () => $client->track->entity(self::identifyOfSize(32769)));
        $this->assertExactClass(InvalidArgumentException::class, $e, 'customerio.exceptions=native');
        $this->assertNothingSent();
    }

    // ---- max_batch_bytes: splitting ----

    public function testBatchOverTheLimitIsSplitInOrderEachOperationOnce(): void
    {
        $ops = [];
        for ($i = 0; $i < 40; $i++) {
            $ops[] = self::identifyOfSize(100 + ($i * 37) % 200, "p$i");
        }

        $result = $this->client(['retries' => 0, 'max_batch_bytes' => 2000])->track->batch(['batch' => $ops]);

        $requests = $this->requests();
        $this->assertGreaterThan(3, count($requests), 'split into several requests');
        $total = strlen(json_encode(['batch' => $ops], self::FLAGS));
        $this->assertLessThanOrEqual(2 * intdiv($total, 2000) + 2, count($requests), 'no needless small requests');
        foreach ($requests as $r) {
            $this->assertLessThanOrEqual(2000, strlen($r['body']), 'each request within max_batch_bytes');
            $this->assertNotEmpty($r['json']['batch']);
            $this->assertSame($this->basicAuth(), $r['headers']['authorization']);
        }
        $this->assertSame($ops, $this->sentOps(), 'every operation once, in order');
        $this->assertEquals(new \stdClass(), $result);
    }

    public function testBatchExactlyAtTheLimitIsOneRequest(): void
    {
        $ops = [self::identifyOp('a')];
        $ops[] = self::identifyOfSize(2000 - strlen(json_encode(['batch' => $ops], self::FLAGS)) - 1, 'b');
        $this->assertSame(2000, strlen(json_encode(['batch' => $ops], self::FLAGS)));

        $this->client(['retries' => 0, 'max_batch_bytes' => 2000])->track->batch(['batch' => $ops]);
        $this->assertSame(2000, strlen($this->single()['body']));

        self::server()->reset();
        $ops[1]['attributes']['pad'] .= 'a';
        $this->client(['retries' => 0, 'max_batch_bytes' => 2000])->track->batch(['batch' => $ops]);
        $this->assertCount(2, $this->requests(), 'one byte over: two requests');
        $this->assertSame($ops, $this->sentOps());
    }

    public function testSplitAnswersAreMergedWithBatchIndexRebased(): void
    {
        $ops = [];
        for ($i = 0; $i < 12; $i++) {
            $ops[] = self::identifyOfSize(600, "p$i");
        }
        // 3 operations per 2000-byte request: 4 requests; chunk 1 and 3 report errors in their own numbering
        self::server()->respond(200, '{}')
            ->respond(207, '{"errors":[{"batch_index":0,"reason":"a"},{"batch_index":2,"reason":"b"}]}')
            ->respond(200, '{}')
            ->respond(207, '{"errors":[{"batch_index":1,"reason":"c","field":"x"}]}');

        $result = $this->client(['retries' => 0, 'max_batch_bytes' => 2000])->track->batch(['batch' => $ops]);

        $sizes = array_map(fn ($r) => count($r['json']['batch']), $this->requests());
        $this->assertSame([3, 3, 3, 3], $sizes);
        $this->assertEquals((object) ['errors' => [
            (object) ['batch_index' => 3, 'reason' => 'a'],
            (object) ['batch_index' => 5, 'reason' => 'b'],
            (object) ['batch_index' => 10, 'reason' => 'c', 'field' => 'x'],
        ]], $result);
    }

    public function testMergedAnswersAsArraysAndFirstChunkErrorsKeepTheirIndex(): void
    {
        $ops = [];
        for ($i = 0; $i < 6; $i++) {
            $ops[] = self::identifyOfSize(900, "p$i");
        }
        self::server()->respond(207, '{"errors":[{"batch_index":1,"reason":"first"}]}')
            ->respond(207, '{"errors":[{"batch_index":0,"reason":"second"},{"batch_index":1,"reason":"third"}]}')
            ->respond(207, '{"errors":[{"batch_index":1,"reason":"fourth"}]}');
        $client = $this->client(['retries' => 0, 'max_batch_bytes' => 2000]);
        $client->setAssocResponse(true);

        $result = $client->track->batch(['batch' => $ops]);

        $this->assertSame([2, 2, 2], array_map(fn ($r) => count($r['json']['batch']), $this->requests()));
        $this->assertSame(['errors' => [
            ['batch_index' => 1, 'reason' => 'first'],
            ['batch_index' => 2, 'reason' => 'second'],
            ['batch_index' => 3, 'reason' => 'third'],
            ['batch_index' => 5, 'reason' => 'fourth'],
        ]], $result);
    }

    public function testAFailingChunkThrowsAndLaterChunksAreNotSent(): void
    {
        $ops = [];
        for ($i = 0; $i < 9; $i++) {
            $ops[] = self::identifyOfSize(600, "p$i");
        }
        self::server()->respond(200, '{}')->respond(400, '{"errors":[{"reason":"bad"}]}');

        // one request at a time (the default): after a failure, what was delivered is a clean prefix
        $e = $this->catchThrowable(fn () => $this->client(['retries' => 0, 'max_batch_bytes' => 2000])
            ->track->batch(['batch' => $ops]));

        $this->assertExactClass(\Customerio\Exception\PartialBatchException::class, $e);
        $this->assertExactClass(ClientException::class, $e->getPrevious());
        $this->assertSame(400, $e->getPrevious()->getCode());
        $this->assertSame([0, 1, 2], $e->getAccepted());
        $this->assertSame([], $e->getRejected());
        $this->assertSame([3, 4, 5], $e->getFailed());
        $this->assertSame([6, 7, 8], $e->getNotSent());
        $this->assertCount(2, $this->requests());
        $this->assertSame(array_slice($ops, 0, 6), $this->sentOps(), 'chunks 0 and 1 only, once each');
    }

    public function testARetriedChunkIsSentAgainAloneAndNothingIsDuplicated(): void
    {
        $ops = [];
        for ($i = 0; $i < 9; $i++) {
            $ops[] = self::eventOp("p$i", 'e', ['pad' => str_repeat('z', 500)]);
        }
        self::server()->respond(200, '{}')->respond(503)->respond(200, '{}')->respond(200, '{}');

        $this->client(['retries' => 2, 'max_batch_bytes' => 2000, 'max_concurrency' => 1])
            ->track->batch(['batch' => $ops]);

        $requests = $this->requests();
        $this->assertSame($requests[1]['body'], $requests[2]['body'], 'the retry repeats chunk 1 byte for byte');
        unset($requests[1]);
        $sent = [];
        foreach ($requests as $r) {
            array_push($sent, ...$r['json']['batch']);
        }
        $this->assertCount(9, $sent);
        $this->assertCount(9, array_unique(array_column($sent, 'id')));
        foreach ($sent as $i => $op) {
            unset($op['id']);
            $this->assertSame($ops[$i], $op);
        }
    }

    public function testThreeThousandRealisticOperationsAtTheDefaultLimit(): void
    {
        mt_srand(42);
        $ops = [];
        for ($i = 0; $i < 3000; $i++) {
            $ops[] = [
                'type' => 'person',
                'action' => $i % 4 === 0 ? 'identify' : 'event',
                'identifiers' => ['id' => 'user-' . mt_rand(1, 1000000)],
                'name' => 'checkout_step_' . ($i % 7),
                'timestamp' => 1700000000 + $i,
                'attributes' => [
                    'email' => "user$i@example.com",
                    'cart' => ['items' => mt_rand(1, 9), 'total' => mt_rand(100, 99999) / 100, 'currency' => 'EUR'],
                    'utm' => ['source' => 'newsletter', 'campaign' => 'spring-' . ($i % 13)],
                    'note' => str_repeat('lorem ipsum ', mt_rand(3, 8)),
                ],
            ];
        }

        $start = microtime(true);
        $this->client(['retries' => 0])->track->batch(['batch' => $ops]);
        $elapsed = microtime(true) - $start;

        $requests = $this->requests();
        $this->assertGreaterThanOrEqual(2, count($requests));
        foreach ($requests as $r) {
            $this->assertLessThanOrEqual(500000, strlen($r['body']));
        }
        $sent = $this->sentOps();
        $this->assertCount(3000, $sent);
        $ids = [];
        foreach ($sent as $i => $op) {
            if ($ops[$i]['action'] === 'event') {
                $ids[] = $op['id'];
                unset($op['id']);
            }
            $this->assertSame($ops[$i], $op, "operation $i");
        }
        $this->assertCount(2250, array_unique($ids));
        $this->assertLessThan(5, $elapsed);
    }
}
