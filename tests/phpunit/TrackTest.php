<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Exception\RequestException;

/** $client->track->entity() and ->batch() against the stand-in: validation, then POST /api/v2/... */
final class TrackTest extends TestCase
{
    public function testEntityPostsTheOperationToTrackV2(): void
    {
        $payload = self::entityPayload();
        self::server()->respond(200, '{"ok":1}');

        $result = $this->client()->track->entity($payload);

        $this->assertEquals((object) ['ok' => 1], $result);
        $req = $this->single();
        $this->assertSame('POST', $req['method']);
        $this->assertSame('/api/v2/entity', $req['path']);
        $this->assertSame('', $req['query']);
        $this->assertSame($payload, $req['json']);
        $this->assertSame($this->basicAuth(), $req['headers']['authorization']);
        $this->assertSame('application/json', $req['headers']['content-type']);
        $this->assertSame('application/json', $req['headers']['accept']);
    }

    public function testTrackGetterSendsTheSame(): void
    {
        $this->client()->track()->entity(self::entityPayload());

        $this->assertSame('/api/v2/entity', $this->single()['path']);
    }

    public function testEntityBodyKeepsEveryKeyAndNoEndpointKey(): void
    {
        $payload = [
            'type' => 'object',
            'action' => 'add_relationships',
            'identifiers' => ['object_type_id' => '1', 'object_id' => 'acme'],
            'cio_relationships' => [['identifiers' => ['id' => 'u1']]],
            'attributes' => ['name' => 'Acme', 'tags' => []],
        ];

        $this->client()->track->entity($payload);

        $req = $this->single();
        $this->assertSame($payload, $req['json']);
        $this->assertArrayNotHasKey('endpoint', $req['json']);
        $this->assertSame(self::canonicalJson(json_encode($payload)), self::canonicalJson($req['body']));
    }

    public function testEntityHonoursEuRegionWithOverriddenBase(): void
    {
        $this->client(['region' => 'eu'])->track->entity(self::entityPayload());

        $this->assertSame('/api/v2/entity', $this->single()['path']);
    }

    public function testBatchPostsToTrackV2Batch(): void
    {
        $ops = [
            ['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => 'a'], 'name' => 'one'],
            ['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => 'b'], 'name' => 'two'],
        ];
        self::server()->respond(200, '{"accepted":2}');

        $result = $this->client()->track->batch(['batch' => $ops]);

        $this->assertEquals((object) ['accepted' => 2], $result);
        $req = $this->single();
        $this->assertSame('POST', $req['method']);
        $this->assertSame('/api/v2/batch', $req['path']);
        // person events get a ULID id (auto_event_id), appended after the caller's keys
        foreach ($req['json']['batch'] as $i => $sent) {
            $this->assertMatchesRegularExpression('/^[0-9A-HJKMNP-TV-Z]{26}$/', $sent['id']);
            unset($sent['id']);
            $this->assertSame($ops[$i], $sent);
        }
        $this->assertCount(2, $req['json']['batch']);
        $this->assertSame($this->basicAuth(), $req['headers']['authorization']);
    }

    public function testBatchWithEmptyListIsSent(): void
    {
        $this->client()->track->batch(['batch' => []]);

        $req = $this->single();
        $this->assertSame('/api/v2/batch', $req['path']);
        $this->assertSame('{"batch":[]}', $req['body']);
    }

    /**
     * @dataProvider invalidEntities
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('invalidEntities')]
    public function testEntityValidationInOrder(array $options, string $message): void
    {
        $client = $this->client();

        $e = $this->catchThrowable(fn () => $client->track->entity($options));

        $this->assertExactClass(RequestException::class, $e);
        $this->assertSame($message, $e->getMessage());
        $this->assertNothingSent();
    }

    public static function invalidEntities(): array
    {
        return [
            'nothing' => [[], 'Operation type is required!'],
            'no type, everything else' => [
                ['action' => 'identify', 'identifiers' => ['id' => 1]], 'Operation type is required!'],
            'null type' => [
                ['type' => null, 'action' => 'identify', 'identifiers' => ['id' => 1]], 'Operation type is required!'],
            'type only' => [['type' => 'person'], 'An event action is required!'],
            'null action' => [
                ['type' => 'person', 'action' => null, 'identifiers' => ['id' => 1]], 'An event action is required!'],
            'no identifiers' => [['type' => 'person', 'action' => 'identify'], 'Object identifiers is required!'],
            'null identifiers' => [
                ['type' => 'person', 'action' => 'identify', 'identifiers' => null], 'Object identifiers is required!'],
        ];
    }

    /** Values held by reference are checked as the values they refer to, as isset() does. */
    public function testValidationFollowsReferences(): void
    {
        $type = null;
        $action = 'merge';
        $payload = ['type' => &$type, 'action' => &$action, 'primary' => ['id' => 'a'], 'secondary' => ['id' => 'b']];
        $e = $this->catchThrowable(fn() => $this->client()->track->entity($payload));
        $this->assertSame('Operation type is required!', $e->getMessage());
        $this->assertNothingSent();

        $type = 'person'; // now set, and action "merge" (by reference) waives identifiers
        $this->client()->track->entity($payload);
        $this->assertSame(['type' => 'person', 'action' => 'merge', 'primary' => ['id' => 'a'],
            'secondary' => ['id' => 'b']], $this->single()['json']);
    }

    /** isset() semantics: falsy but non-null values count as present. */
    public function testFalsyButSetValuesPassValidation(): void
    {
        $payload = ['type' => '', 'action' => 0, 'identifiers' => false];

        $this->client()->track->entity($payload);

        $this->assertSame($payload, $this->single()['json']);
    }

    /** @dataProvider invalidBatches */
    #[\PHPUnit\Framework\Attributes\DataProvider('invalidBatches')]
    public function testBatchValidation(array $options): void
    {
        $e = $this->catchThrowable(fn () => $this->client()->track->batch($options));

        $this->assertExactClass(RequestException::class, $e);
        $this->assertSame('Batch paremeter is required!', $e->getMessage());
        $this->assertNothingSent();
    }

    public static function invalidBatches(): array
    {
        return [
            'empty' => [[]],
            'null batch' => [['batch' => null]],
            'misspelled key' => [['batches' => [['type' => 'person']]]],
        ];
    }

    public function testValidationErrorDetails(): void
    {
        $e = $this->catchThrowable(fn () => $this->client()->track->entity(['type' => 'person']));

        $this->assertInstanceOf(RequestException::class, $e);
        $this->assertSame(0, $e->getCode());
        $this->assertSame('POST', $e->getMethod());
        $this->assertSame('/', $e->getUrl());
        $this->assertFalse(self::hasResponse($e));
        $this->assertNull($e->getStatusCode());
        $this->assertNull($e->getResponseBody());
        $this->assertSame([], $e->getResponseHeaders());
        $this->assertSame([], $e->getErrors());
    }

    public function testValidationHappensBeforeAnyNetworkUse(): void
    {
        // A client pointed at a dead port: validation must fail first, without a connection attempt.
        $client = new \Customerio\Client(self::API_KEY, self::SITE_ID, ['track_url' => self::DEAD_URL]);

        $e = $this->catchThrowable(fn () => $client->track->batch([]));
        $this->assertExactClass(RequestException::class, $e);
        $this->assertSame('Batch paremeter is required!', $e->getMessage());
    }

    public function testEntityReturnsAssocArraysWhenAsked(): void
    {
        $client = $this->client();
        $client->setAssocResponse(true);
        self::server()->respond(200, '{"meta":{"id":7}}');

        $this->assertSame(['meta' => ['id' => 7]], $client->track->entity(self::entityPayload()));
    }

    public function testSequentialCallsAllArrive(): void
    {
        $client = $this->client();
        for ($i = 0; $i < 5; $i++) {
            $client->track->entity(['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => $i],
                'name' => "e$i"]);
        }

        $names = array_map(fn ($r) => $r['json']['name'], $this->requests());
        $this->assertSame(['e0', 'e1', 'e2', 'e3', 'e4'], $names);
    }
}
