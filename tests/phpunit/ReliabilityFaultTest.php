<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Client;
use Customerio\Exception\ConnectException;
use Customerio\Exception\InvalidArgumentException;
use Customerio\Tests\FaultServer;

enum ReliabilityBackedEnum: string
{
    case Gold = 'gold';
}

enum ReliabilityPureEnum
{
    case Plain;
}

/** Hostile input and broken servers: refused before sending, or a clean exception; never a crash or a hang. */
final class ReliabilityFaultTest extends TestCase
{
    private FaultServer $fs;

    protected function setUp(): void
    {
        parent::setUp();
        $this->fs = self::faultServer();
    }

    /** Tracks through the fault server, the App API through the good stand-in. */
    private function faultClient(array $options = []): Client
    {
        $client = new Client(self::API_KEY, self::SITE_ID, $options + ['retries' => 0, 'track_url' => $this->fs->url(),
            'api_url' => $this->url()]);
        $client->setAppAPIKey(self::APP_KEY);
        return $client;
    }

    /** The client still works: a call to the good stand-in, and one to the fault server answering normally. */
    private function assertStillWorks(Client $client): void
    {
        self::server()->reset();
        self::server()->respond(200, '{"good":"stand-in"}');
        $this->assertEquals((object) ['good' => 'stand-in'], $client->get('customers', ['email' => 'a@b.c']));
        $this->assertCount(1, $this->requests());

        $this->fs->reset()->respond(200, '{"good":"again"}');
        $this->assertEquals((object) ['good' => 'again'], $client->track->entity(self::identifyOp()));
        $this->assertCount(1, $this->fs->requests());
    }

    // ---- CR, LF, NUL ----

    public static function lineBreaks(): array
    {
        return ['CRLF' => ["\r\nX-Injected: 1"], 'LF' => ["\nX-Injected: 1"], 'CR' => ["\r"], 'NUL' => ["\0"]];
    }

    /** @dataProvider lineBreaks */
    #[\PHPUnit\Framework\Attributes\DataProvider('lineBreaks')]
    public function testLineBreaksInCredentialsAreRefusedBeforeSending(string $bad): void
    {
        foreach ([
            'site id' => fn () => new Client(self::API_KEY, "site$bad", $this->serverOptions()),
            'API key' => fn () => new Client("key$bad", self::SITE_ID, $this->serverOptions()),
        ] as $what => $make) {
            $e = $this->catchThrowable($make);
            $this->assertExactClass(InvalidArgumentException::class, $e, $what);
            $this->assertStringNotContainsString('X-Injected', $e->getMessage());
        }

        $client = $this->appClient(['retries' => 0]);
        $e = $this->catchThrowable(fn () => $client->setSiteId("other$bad"));
        $this->assertExactClass(InvalidArgumentException::class, $e, 'setSiteId');
        $e = $this->catchThrowable(fn () => $client->setAppAPIKey("app$bad"));
        $this->assertExactClass(InvalidArgumentException::class, $e, 'setAppAPIKey');
        $this->assertNothingSent();

        // the refused values did not replace the good ones
        $client->track->entity(self::identifyOp());
        $client->get('customers', ['email' => 'a@b.c']);
        [$track, $app] = $this->requests();
        $this->assertSame($this->basicAuth(), $track['headers']['authorization']);
        $this->assertSame('Bearer ' . self::APP_KEY, $app['headers']['authorization']);
        $this->assertArrayNotHasKey('x-injected', $track['headers']);
    }

    /** @dataProvider lineBreaks */
    #[\PHPUnit\Framework\Attributes\DataProvider('lineBreaks')]
    public function testLineBreaksInUrlsAreRefused(string $bad): void
    {
        foreach (['track_url', 'api_url'] as $option) {
            $e = $this->catchThrowable(fn () => new Client(self::API_KEY, self::SITE_ID, [$option => $this->url() . $bad]));
            $this->assertExactClass(InvalidArgumentException::class, $e, $option);
        }
        if ($bad !== "\0") { // ini values cannot carry a NUL
            ini_set('customerio.track_url', $this->url() . $bad);
            $e = $this->catchThrowable(fn () => new Client(self::API_KEY, self::SITE_ID));
            $this->assertExactClass(InvalidArgumentException::class, $e, 'ini customerio.track_url');
            ini_restore('customerio.track_url');
        }
        $this->assertNothingSent();
    }

    /** @dataProvider lineBreaks */
    #[\PHPUnit\Framework\Attributes\DataProvider('lineBreaks')]
    public function testLineBreaksInEndpointPathsAreRefusedBeforeSending(string $bad): void
    {
        $client = $this->appClient(['retries' => 0]);

        foreach ([
            'post' => fn () => $client->post("customers/1$bad/events", ['name' => 'x']),
            'put' => fn () => $client->put("customers/1$bad", ['email' => 'a@b.c']),
            'delete' => fn () => $client->delete("customers/1$bad", []),
            'get' => fn () => $client->get("customers$bad", ['email' => 'a@b.c']),
            'endpoint base' => fn () => $client->post('entity', ['endpoint' => $this->url() . "/api/v2$bad", 'a' => 1]),
        ] as $what => $call) {
            $e = $this->catchThrowable($call);
            $this->assertExactClass(InvalidArgumentException::class, $e, $what);
        }
        $this->assertNothingSent();
    }

    // ---- broken servers ----

    public function testAResponseOverMaxResponseBytesIsARequestExceptionWithTheStatus(): void
    {
        $client = $this->faultClient(['max_response_bytes' => 1000]);
        $this->fs->respond(200, '"' . str_repeat('a', 998) . '"');
        $this->assertSame(str_repeat('a', 998), $client->track->entity(self::identifyOp()), '1000 bytes are fine');

        $this->fs->reset()->respond(200, '"' . str_repeat('a', 999) . '"');
        $e = $this->catchThrowable(fn () => $client->track->entity(self::identifyOp()));
        // a response did arrive: not a ConnectException (TransportGuzzleModeTest: Guzzle mode)
        $this->assertExactClass(\Customerio\Exception\RequestException::class, $e);
        $this->assertSame(200, $e->getCode());
        $this->assertTrue($e->hasResponse());
        $this->assertSame(200, $e->getStatusCode());
        $this->assertStringContainsString('max_response_bytes', $e->getMessage());
        $this->assertStillWorks($client);
    }

    public function testTheDefaultMaxResponseBytesIsEightMegabytes(): void
    {
        $client = $this->faultClient();

        $this->fs->script(['big', 8 * 1024 * 1024]);
        $this->assertNull($client->track->entity(self::identifyOp()), '8 MB of non-JSON decode to null');

        $this->fs->reset()->script(['big', 8 * 1024 * 1024 + 1]);
        $e = $this->catchThrowable(fn () => $client->track->entity(self::identifyOp()));
        $this->assertExactClass(\Customerio\Exception\RequestException::class, $e);
        $this->assertSame(200, $e->getCode());
        $this->assertStringContainsString('max_response_bytes', $e->getMessage());
        $this->assertStillWorks($client);
    }

    public function testAServerThatNeverAnswersTimesOut(): void
    {
        $client = $this->faultClient(['timeout' => 0.5]);
        $this->fs->script(['silent', 10]);

        $start = microtime(true);
        $e = $this->catchThrowable(fn () => $client->track->entity(self::identifyOp()));
        $elapsed = microtime(true) - $start;

        $this->assertExactClass(ConnectException::class, $e);
        $this->assertStringStartsWith('cURL error 28:', $e->getMessage());
        $this->assertGreaterThanOrEqual(0.45, $elapsed);
        $this->assertLessThan(1.5, $elapsed);
        $this->assertCount(1, $this->fs->requests());
        $this->assertStillWorks($client);
    }

    public static function brokenAnswers(): array
    {
        return [
            'closes mid-body' => ['partial', 'cURL error 18:'],
            'not HTTP' => ['garbage', 'cURL error '],
            'closes at once' => ['close', 'cURL error 52:'],
            'bad status line' => [['raw', "HTTP/1.1 abc\r\n\r\n"], 'cURL error '],
            'binary junk' => [['raw', "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"], 'cURL error '],
        ];
    }

    /** @dataProvider brokenAnswers */
    #[\PHPUnit\Framework\Attributes\DataProvider('brokenAnswers')]
    public function testABrokenAnswerIsAConnectExceptionAndTheClientRecovers($action, string $prefix): void
    {
        $client = $this->faultClient(['timeout' => 2]);
        $this->fs->script(is_array($action) ? $action : [$action]);

        $start = microtime(true);
        $e = $this->catchThrowable(fn () => $client->track->entity(self::identifyOp()));

        $this->assertExactClass(ConnectException::class, $e);
        $this->assertStringStartsWith($prefix, $e->getMessage());
        $this->assertStringContainsString($this->fs->url() . '/api/v2/entity', $e->getMessage());
        $this->assertLessThan(1.5, microtime(true) - $start);
        $this->assertStillWorks($client);
    }

    // ---- wrong types and values json_encode() cannot take ----

    public function testBatchThatIsNotAnArrayIsATypeError(): void
    {
        $client = $this->client(['retries' => 0]);
        foreach (['a string', 42, 1.5, true, new \stdClass()] as $batch) {
            $e = $this->catchThrowable(fn () => $client->track->batch(['batch' => $batch]));
            $this->assertExactClass(\TypeError::class, $e, get_debug_type($batch));
        }
        $this->assertNothingSent();
    }

    public static function payloadValues(): array
    {
        $date = new \DateTimeImmutable('2024-02-29 12:34:56.789', new \DateTimeZone('Europe/Warsaw'));
        $std = new \stdClass();
        $std->a = 1;
        $std->{'0'} = 'zero';
        $std->nested = (object) ['x' => [1, 2]];
        $private = new class () {
            public $visible = 'yes';
            protected $hidden = 'no';
            private $secret = 'no';
        };
        $serializable = new class () implements \JsonSerializable {
            public function jsonSerialize(): mixed
            {
                return ['custom' => true, 'list' => [1, 'two']];
            }
        };
        $serializesScalar = new class () implements \JsonSerializable {
            public function jsonSerialize(): mixed
            {
                return 'just a string';
            }
        };
        $file = fopen('php://memory', 'r');
        return [
            'stdClass' => [$std],
            'empty stdClass' => [new \stdClass()],
            'DateTimeImmutable' => [$date],
            'DateTime' => [new \DateTime('2001-01-01 00:00:00', new \DateTimeZone('UTC'))],
            'only public properties' => [$private],
            'JsonSerializable' => [$serializable],
            'JsonSerializable scalar' => [$serializesScalar],
            'closure' => [fn () => 1],
            'ArrayObject' => [new \ArrayObject(['k' => 'v'])],
            'backed enum' => [ReliabilityBackedEnum::Gold],
            'pure enum' => [ReliabilityPureEnum::Plain],
            'resource' => [$file],
            'resource in a list' => [[1, $file]],
            'INF' => [INF],
            'NAN' => [NAN],
            'invalid UTF-8' => ["caf\xe9"],
            'invalid UTF-8 key' => [["k\xff" => 1]],
            'object in list in object' => [(object) ['l' => [new \stdClass(), (object) ['z' => null]]]],
        ];
    }

    /**
     * What json_encode() makes of the value is what arrives; what it refuses is refused before sending.
     * @dataProvider payloadValues
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('payloadValues')]
    public function testValuesInPayloadsAreEncodedLikeJsonEncodeOrRefused($value): void
    {
        $op = self::identifyOp('42', ['value' => $value]);
        $batchOps = [self::identifyOp('1'), $op];
        $expected = json_encode($op);
        $client = $this->client(['retries' => 0]);

        $calls = [
            'entity' => fn () => $client->track->entity($op),
            'batch' => fn () => $client->track->batch(['batch' => $batchOps]),
            'queue' => function () use ($client, $op) {
                $client->track->queue($op);
                $client->track->flush();
            },
        ];
        foreach ($calls as $how => $call) {
            self::server()->reset();
            if ($expected === false) {
                $e = $this->catchThrowable($call);
                $this->assertInstanceOf(InvalidArgumentException::class, $e, "$how: " . json_last_error_msg());
                $this->assertStringContainsString(json_last_error_msg(), $e->getMessage());
                $this->assertNothingSent();
                continue;
            }
            $call();
            $req = $this->single();
            $sent = $how === 'entity' ? $req['json'] : end($req['json']['batch']);
            $this->assertSame(json_decode($expected, true), $sent, "$how sends what json_encode() makes");
        }
        $this->assertNull($client->track->flush());
    }

    public function testAJsonSerializeThatThrowsSendsNothing(): void
    {
        $bomb = new class () implements \JsonSerializable {
            public function jsonSerialize(): mixed
            {
                throw new \DomainException('no serializing me');
            }
        };
        $client = $this->client(['retries' => 0]);
        $op = self::identifyOp('1', ['bomb' => $bomb]);

        foreach ([
            'entity' => fn () => $client->track->entity($op),
            'batch' => fn () => $client->track->batch(['batch' => [self::identifyOp('0'), $op]]),
            'queue' => fn () => $client->track->queue($op),
        ] as $how => $call) {
            $e = $this->catchThrowable($call);
            $this->assertInstanceOf(\DomainException::class, $e->getPrevious() ?? $e, $how);
        }
        $this->assertNull($client->track->flush());
        $this->assertNothingSent();
    }

    public function testRecursionIsRefusedAndNothingSent(): void
    {
        $array = ['a' => 1];
        $array['self'] = &$array;
        $object = new \stdClass();
        $object->self = $object;
        $client = $this->client(['retries' => 0]);

        foreach (['array' => $array, 'object' => $object] as $what => $value) {
            $op = self::identifyOp('1', ['loop' => $value]);
            foreach ([
                'entity' => fn () => $client->track->entity($op),
                'batch' => fn () => $client->track->batch(['batch' => [self::identifyOp('0'), $op]]),
                'queue' => fn () => $client->track->queue($op),
            ] as $how => $call) {
                $e = $this->catchThrowable($call);
                $this->assertInstanceOf(InvalidArgumentException::class, $e, "$what via $how");
            }
        }
        $array['self'] = null; // break the cycle
        $this->assertNull($client->track->flush());
        $this->assertNothingSent();
    }

    public function testNestingBeyond512IsRefusedAndUpToTheLimitIsSent(): void
    {
        $nest = function (int $depth) {
            $v = 'bottom';
            for ($i = 0; $i < $depth; $i++) {
                $v = [$v];
            }
            return $v;
        };
        // the operation itself and 'attributes' are two levels: find the deepest value json_encode() accepts
        $depth = 500;
        while (json_encode(self::identifyOp('1', ['deep' => $nest($depth + 1)])) !== false) {
            $depth++;
        }
        $ok = self::identifyOp('1', ['deep' => $nest($depth)]);
        $tooDeep = self::identifyOp('1', ['deep' => $nest($depth + 1)]);
        $this->assertNotFalse(json_encode($ok));
        $this->assertFalse(json_encode($tooDeep));
        $client = $this->client(['retries' => 0, 'max_batch_bytes' => 10000]);

        foreach ([
            'entity' => fn () => $client->track->entity($tooDeep),
            'batch' => fn () => $client->track->batch(['batch' => [self::identifyOp('0'), $tooDeep]]),
            'queue' => fn () => $client->track->queue($tooDeep),
        ] as $how => $call) {
            $e = $this->catchThrowable($call);
            $this->assertInstanceOf(InvalidArgumentException::class, $e, $how);
            $this->assertStringContainsString('Maximum stack depth exceeded', $e->getMessage());
        }
        $this->assertNull($client->track->flush());
        $this->assertNothingSent();

        $client->track->entity($ok);
        $body = $this->single()['body'];
        $this->assertSame(json_decode(json_encode($ok), true, 1024), json_decode($body, true, 1024));
        $this->assertNotNull(json_decode($body, true, 1024));
    }

    public function testAnOperationThatGrowsWhenEncodedAgainIsStillSizeChecked(): void
    {
        // a stateful JsonSerializable: small the first time it is encoded, 40 kB afterwards
        $flip = new class () implements \JsonSerializable {
            public int $calls = 0;

            public function jsonSerialize(): mixed
            {
                return $this->calls++ ? str_repeat('B', 40000) : 'small';
            }
        };
        $client = $this->client(['retries' => 0]);

        try {
            $client->track->batch(['batch' => [self::identifyOp('1', ['flip' => $flip])]]);
        } catch (InvalidArgumentException $e) {
            // refusing is fine
        }
        foreach ($this->requests() as $r) {
            foreach ($r['json']['batch'] as $i => $op) {
                $this->assertLessThanOrEqual(32768, strlen(json_encode($op)),
                    "operation $i went out over max_entity_bytes (jsonSerialize() called {$flip->calls} times)");
            }
        }
        $this->assertTrue(true);
    }

    public function testAnEncodingFailureLateInABatchSendsNothing(): void
    {
        // a stateful JsonSerializable that only fails when encoded a second time
        $late = new class () implements \JsonSerializable {
            public int $calls = 0;

            public function jsonSerialize(): mixed
            {
                if ($this->calls++) {
                    throw new \DomainException('second encoding');
                }
                return 1;
            }
        };
        $ops = [];
        for ($i = 0; $i < 10; $i++) {
            $ops[] = self::identifyOp("p$i", ['pad' => str_repeat('p', 100)]);
        }
        $ops[] = self::identifyOp('last', ['late' => $late]);
        $client = $this->client(['retries' => 0, 'max_batch_bytes' => 400]);

        try {
            $client->track->batch(['batch' => $ops]);
            $this->assertCount(11, $this->sentOpsOf($this->requests()), 'succeeded: everything was sent');
        } catch (\DomainException $e) {
            $this->assertSame(0, count($this->requests()), 'failed: nothing may have been sent (batch is all or nothing '
                . 'for payload errors), but ' . count($this->requests()) . ' requests went out');
        }
    }

    private function sentOpsOf(array $requests): array
    {
        $ops = [];
        foreach ($requests as $r) {
            array_push($ops, ...$r['json']['batch']);
        }
        return $ops;
    }
}
