<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Client;
use Customerio\Endpoint\Track;
use Customerio\Exception\InvalidArgumentException;
use Customerio\Exception\RequestException;
use Customerio\Exception\ServerException;

/**
 * The background queue: Track::queue() validates and buffers, flush() sends, the queue sends by itself when
 * full and at the end of the request; failures then go to on_error, the error log and the spool, and replay()
 * sends a spool again.
 */
final class ReliabilityQueueTest extends TestCase
{
    private const ULID = '/^[0-9A-HJKMNP-TV-Z]{26}$/';
    private const FLAGS = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;

    /** Operations the stand-in received in batch requests, in order. */
    private function sentOps(): array
    {
        $ops = [];
        foreach ($this->requests() as $r) {
            $this->assertSame('/api/v2/batch', $r['path']);
            array_push($ops, ...$r['json']['batch']);
        }
        return $ops;
    }

    /** $sent without the ULID ids of person events (asserting each is there and well-formed). */
    private function withoutIds(array $sent, array $expected): array
    {
        foreach ($sent as $i => $op) {
            if (($expected[$i]['action'] ?? '') === 'event' && !isset($expected[$i]['id'])) {
                $this->assertMatchesRegularExpression(self::ULID, $op['id'] ?? '', "op $i has an id");
                unset($sent[$i]['id']);
            }
        }
        return $sent;
    }

    /** PHP source of a child script's client: the given URL expression and options. */
    private static function childClient(string $urlExpr, array $options = [], string $onError = ''): string
    {
        $opts = var_export($options + ['retries' => 0], true);
        return sprintf('$c = new Customerio\Client(%s, %s, %s + ["track_url" => %s%s]);',
            var_export(self::API_KEY, true), var_export(self::SITE_ID, true), $opts, $urlExpr,
            $onError !== '' ? ', "on_error" => ' . $onError : '');
    }

    // ---- queue() validation ----

    public static function invalidOperations(): array
    {
        return [
            'no type' => [['action' => 'event', 'identifiers' => ['id' => 1]], 'Operation type is required!'],
            'no action' => [['type' => 'person', 'identifiers' => ['id' => 1]], 'An event action is required!'],
            'no identifiers' => [['type' => 'person', 'action' => 'event'], 'Object identifiers is required!'],
            'null type' => [['type' => null, 'action' => 'event', 'identifiers' => ['id' => 1]], 'Operation type is required!'],
            'empty' => [[], 'Operation type is required!'],
        ];
    }

    /** @dataProvider invalidOperations */
    #[\PHPUnit\Framework\Attributes\DataProvider('invalidOperations')]
    public function testQueueValidatesLikeEntity(array $op, string $message): void
    {
        $client = $this->client(['retries' => 0]);

        $fromEntity = $this->catchThrowable(fn () => $client->track->entity($op));
        $fromQueue = $this->catchThrowable(fn () => $client->track->queue($op));

        $this->assertExactClass(RequestException::class, $fromQueue);
        $this->assertSame($message, $fromQueue->getMessage());
        $this->assertSame(get_class($fromEntity), get_class($fromQueue));
        $this->assertSame($fromEntity->getMessage(), $fromQueue->getMessage());
        $this->assertNull($client->track->flush(), 'nothing was queued');
        $this->assertNothingSent();
    }

    public function testQueueRefusesWhatJsonEncodeRefusesAndOversizedOperations(): void
    {
        $client = $this->client(['retries' => 0, 'max_entity_bytes' => 500]);

        $e = $this->catchThrowable(fn () => $client->track->queue(self::identifyOp('1', ['bad' => "\xff\xfe"])));
        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertStringContainsString('Malformed UTF-8', $e->getMessage());

        $e = $this->catchThrowable(fn () => $client->track->queue(self::identifyOp('1', ['big' => str_repeat('x', 600)])));
        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertStringContainsString('max_entity_bytes', $e->getMessage());

        $this->assertNull($client->track->flush());
        $this->assertNothingSent();
    }

    // ---- queue() and flush() ----

    public function testNothingIsSentBeforeFlushWhichSendsOneBatchInOrder(): void
    {
        $client = $this->client(['retries' => 0]);
        $ops = [self::eventOp('a'), self::identifyOp('b'), self::eventOp('c', 'other')];
        foreach ($ops as $op) {
            $this->assertNull($client->track->queue($op));
        }
        $this->assertNothingSent();
        self::server()->respond(200, '{"accepted":3}');

        $result = $client->track->flush();

        $this->assertEquals((object) ['accepted' => 3], $result);
        $req = $this->single();
        $this->assertSame('POST', $req['method']);
        $this->assertSame($this->basicAuth(), $req['headers']['authorization']);
        $this->assertSame($ops, $this->withoutIds($this->sentOps(), $ops));

        $this->assertNull($client->track->flush(), 'the queue is empty now');
        $this->assertCount(1, $this->requests());
    }

    public function testFlushOfAnEmptyQueueReturnsNullAndSendsNothing(): void
    {
        $client = $this->client(['retries' => 0]);

        $this->assertNull($client->track->flush());
        $this->assertNull($client->track()->flush());
        $this->assertNothingSent();
    }

    public function testEachClientHasItsOwnQueue(): void
    {
        $a = $this->client(['retries' => 0]);
        $b = $this->client(['retries' => 0]);
        $a->track->queue(self::identifyOp('a'));
        $b->track->queue(self::identifyOp('b'));

        $a->track->flush();
        $this->assertSame([self::identifyOp('a')], $this->sentOps());
        $b->track->flush();
        $this->assertSame([self::identifyOp('a'), self::identifyOp('b')], $this->sentOps());
    }

    public function testTheQueueSendsByItselfWhenTheNextOperationWouldNotFit(): void
    {
        $ops = [];
        for ($i = 0; $i < 10; $i++) {
            $op = self::identifyOp("p$i", ['pad' => '']);
            $op['attributes']['pad'] = str_repeat('q', 300 - strlen(json_encode($op, self::FLAGS)));
            $ops[] = $op;
        }
        // {"batch":[ + 3 x 300 + 2 commas + ]} = 914 bytes: 3 fit in 1000, a 4th does not
        $client = $this->client(['retries' => 0, 'max_batch_bytes' => 1000]);

        $counts = [];
        foreach ($ops as $op) {
            $client->track->queue($op);
            $counts[] = count($this->requests());
        }
        $this->assertSame([0, 0, 0, 1, 1, 1, 2, 2, 2, 3], $counts, 'a request goes out when the next op would not fit');
        $client->track->flush();

        $requests = $this->requests();
        $this->assertCount(4, $requests);
        foreach ($requests as $r) {
            $this->assertLessThanOrEqual(1000, strlen($r['body']));
        }
        $this->assertSame($ops, $this->sentOps(), 'every operation once, in order');
    }

    public function testAFailingFlushThrowsAndKeepsTheOperationsQueued(): void
    {
        $client = $this->client(['retries' => 0]);
        $ops = [self::eventOp('a'), self::identifyOp('b')];
        foreach ($ops as $op) {
            $client->track->queue($op);
        }
        self::server()->respond(503, '{"down":true}');

        $e = $this->catchThrowable(fn () => $client->track->flush());
        $this->assertExactClass(ServerException::class, $e);
        $this->assertSame(503, $e->getCode());

        $client->track->queue(self::eventOp('c'));
        self::server()->reset();
        $this->assertEquals(new \stdClass(), $client->track->flush());
        $expected = [...$ops, self::eventOp('c')];
        $this->assertSame($expected, $this->withoutIds($this->sentOps(), $expected), 'the kept ones first, once');
        $this->assertNull($client->track->flush());
        $this->assertCount(1, $this->requests());
    }

    public function testAFailingFlushOnTheNetworkKeepsTheOperationsToo(): void
    {
        $fs = self::faultServer();
        $client = $this->clientAt($fs->url(), ['retries' => 0]);
        $client->track->queue(self::identifyOp('x'));
        $fs->script(['close']);

        $e = $this->catchThrowable(fn () => $client->track->flush());
        $this->assertExactClass(\Customerio\Exception\ConnectException::class, $e);
        $this->assertEquals(new \stdClass(), $client->track->flush());

        $requests = $fs->requests();
        $this->assertCount(2, $requests);
        $this->assertSame($requests[0]['body'], $requests[1]['body']);
        $this->assertNull($client->track->flush());
    }

    public function testFlushIsRetriedLikeAnyCall(): void
    {
        $client = $this->client(['retries' => 2]);
        $client->track->queue(self::eventOp('a'));
        self::server()->respond(502)->respond(200, '{"ok":1}');

        $this->assertEquals((object) ['ok' => 1], $client->track->flush());

        $requests = $this->requests();
        $this->assertCount(2, $requests);
        $this->assertSame('1', $requests[1]['headers']['x-retry-count']);
        $this->assertSame($requests[0]['body'], $requests[1]['body']);
    }

    // ---- queue() on something that is not a constructed Client ----

    public function testQueueFlushAndReplayNeedAConstructedClient(): void
    {
        $mock = $this->createStub(Client::class); // a PHPUnit double, made without the constructor
        $bare = (new \ReflectionClass(Client::class))->newInstanceWithoutConstructor();
        foreach (['mock' => $mock, 'no constructor' => $bare, 'stdClass' => new \stdClass()] as $label => $client) {
            $track = new Track($client);
            foreach ([
                'queue' => fn () => $track->queue(self::identifyOp()),
                'flush' => fn () => $track->flush(),
                'replay' => fn () => $track->replay('/nonexistent/customerio-spool.jsonl'),
            ] as $method => $call) {
                $e = $this->catchThrowable($call);
                $this->assertExactClass(\Error::class, $e, "$method() on a $label");
            }
        }
        $this->assertNothingSent();
    }

    public function testQueueOnAMockTrackOwnerIsAnErrorEvenAfterValidation(): void
    {
        $track = new Track($this->createStub(Client::class));

        $e = $this->catchThrowable(fn () => $track->queue(self::eventOp()));

        $this->assertExactClass(\Error::class, $e);
        $this->assertStringContainsString('Customerio\Client', $e->getMessage());
    }

    // ---- the end of the request (child processes) ----

    public function testTheQueueIsSentAfterTheScriptEnds(): void
    {
        $ops = [self::eventOp('a'), self::identifyOp('b'), self::eventOp('c')];
        $code = '$url = $argv[1];' . self::childClient('$url') . '
            foreach (' . var_export($ops, true) . ' as $op) { $c->track->queue($op); }
            register_shutdown_function(function () use ($url) { file_get_contents($url . "/marker/shutdown-function"); });
            echo "script done\n";';

        $out = $this->runPhp($code);

        $this->assertSame("script done\n", $out);
        $requests = $this->requests();
        $this->assertSame(['/marker/shutdown-function', '/api/v2/batch'], array_column($requests, 'path'),
            'the queue goes out after the script and its shutdown functions');
        $this->assertSame($this->basicAuth(), $requests[1]['headers']['authorization']);
        $this->assertSame($ops, $this->withoutIds($requests[1]['json']['batch'], $ops));
    }

    public function testExitSendsTheQueueTooAndEveryClientsQueueGoesOut(): void
    {
        $code = '$url = $argv[1];' . self::childClient('$url') . '
            $d = new Customerio\Client("other-key", "other-site", ["track_url" => $url, "retries" => 0]);
            $c->track->queue(' . var_export(self::identifyOp('c1'), true) . ');
            $d->track->queue(' . var_export(self::identifyOp('d1'), true) . ');
            $c->track->queue(' . var_export(self::identifyOp('c2'), true) . ');
            unset($c, $d);
            echo "exiting\n";
            exit(0);
            echo "not reached\n";';

        $this->assertSame("exiting\n", $this->runPhp($code));

        $requests = $this->requests();
        $this->assertCount(2, $requests);
        $bySite = [];
        foreach ($requests as $r) {
            $bySite[$r['headers']['authorization']] = $r['json']['batch'];
        }
        $this->assertSame([self::identifyOp('c1'), self::identifyOp('c2')], $bySite[$this->basicAuth()]);
        $this->assertSame([self::identifyOp('d1')], $bySite[$this->basicAuth('other-site', 'other-key')]);
    }

    public function testAFailedSendAtTheEndGoesToOnErrorAndTheErrorLog(): void
    {
        $ops = [self::eventOp('a'), self::identifyOp('b'), self::eventOp('c')];
        $onError = 'function (Throwable $e, array $operations) {
                echo "on_error: ", get_class($e), "\n", json_encode($operations), "\n"; }';
        $code = self::childClient(var_export(self::DEAD_URL, true), [], $onError) . '
            foreach (' . var_export($ops, true) . ' as $op) { $c->track->queue($op); }
            echo "script done\n";';

        $run = $this->runPhpFull($code, ['log_errors' => '0']);

        $this->assertSame(0, $run['status'], $run['stderr']);
        $lines = explode("\n", $run['stdout']);
        $this->assertSame('script done', $lines[0]);
        $this->assertSame('on_error: Customerio\Exception\ConnectException', $lines[1]);
        $received = json_decode($lines[2], true);
        $this->assertIsArray($received, 'on_error got the operations as arrays');
        $this->assertSame($ops, $this->withoutIds($received, $ops));
        $this->assertStringContainsString('customerio: 3 Track v2 operation(s) not delivered', $run['stderr']);
        $this->assertStringContainsString('Warning', $run['stderr']);
    }

    public function testTheWarningGoesToTheErrorLogFile(): void
    {
        $dir = $this->tempDir();
        $code = self::childClient(var_export(self::DEAD_URL, true)) . '
            $c->track->queue(' . var_export(self::eventOp(), true) . ');
            $c->track->queue(' . var_export(self::eventOp(), true) . ');';

        $run = $this->runPhpFull($code, ['display_errors' => '0', 'log_errors' => '1', 'error_log' => "$dir/php.log"]);

        $this->assertSame(0, $run['status']);
        $this->assertSame('', $run['stdout']);
        $this->assertFileExists("$dir/php.log");
        $this->assertStringContainsString('customerio: 2 Track v2 operation(s) not delivered',
            (string) file_get_contents("$dir/php.log"));
    }

    public function testAutomaticSendsThatFailDuringTheScriptDoNotThrowAndAreReported(): void
    {
        $onError = 'function (Throwable $e, array $operations) { echo "on_error ", count($operations), "\n"; }';
        $code = self::childClient(var_export(self::DEAD_URL, true), ['max_batch_bytes' => 200], $onError) . '
            for ($i = 0; $i < 3; $i++) {
                $c->track->queue(["type" => "person", "action" => "identify", "identifiers" => ["id" => "p$i"],
                    "attributes" => ["pad" => str_repeat("x", 100)]]);
                echo "queued $i\n";
            }
            echo "script done\n";';

        $run = $this->runPhpFull($code, ['log_errors' => '0']);

        $this->assertSame(0, $run['status'], $run['stderr']);
        $this->assertSame("queued 0\non_error 1\nqueued 1\non_error 1\nqueued 2\nscript done\non_error 1\n",
            $run['stdout'], 'queue() never throws: each failed send is reported, the script goes on');
        $this->assertSame(3, substr_count($run['stderr'], 'customerio: 1 Track v2 operation(s) not delivered'));
    }

    public function testUndeliveredOperationsAreAppendedToTheSpool(): void
    {
        $dir = $this->tempDir();
        $first = [self::eventOp('a'), self::identifyOp('b', ['name' => "Zo\u{00eb} \"q\"\nline"])];
        $second = [self::identifyOp('c')];
        foreach ([$first, $second] as $ops) {
            $code = self::childClient(var_export(self::DEAD_URL, true)) . '
                foreach (' . var_export($ops, true) . ' as $op) { $c->track->queue($op); }';
            $run = $this->runPhpFull($code, ['customerio.spool_dir' => $dir, 'log_errors' => '0']);
            $this->assertSame(0, $run['status'], $run['stderr']);
            $this->assertStringContainsString('operation(s) not delivered', $run['stderr']);
        }

        $file = "$dir/customerio-spool.jsonl";
        $this->assertFileExists($file);
        $content = (string) file_get_contents($file);
        $this->assertStringEndsWith("\n", $content);
        $lines = explode("\n", rtrim($content, "\n"));
        $this->assertCount(3, $lines, 'one JSON line per operation, appended');
        $decoded = array_map(fn ($l) => json_decode($l, true, 512, JSON_THROW_ON_ERROR), $lines);
        $expected = [...$first, ...$second];
        $this->assertSame($expected, $this->withoutIds($decoded, $expected));
    }

    public function testAFailingFlushThroughAnInjectedGuzzleClientDoesNotCorruptMemory(): void
    {
        if (!is_file('/usr/share/php/GuzzleHttp/autoload.php')) {
            $this->markTestSkipped('Debian Guzzle 7 is not installed');
        }
        // the exception's trace keeps the request() arguments (zend.exception_ignore_args=0, the CLI default);
        // the operation stays queued after the failed flush, goes out again at the end, and fails again
        $code = <<<'PHP'
            require "/usr/share/php/GuzzleHttp/autoload.php";
            $c = new Customerio\Client("k", "s", ["retries" => 0]);
            $c->setClient(new GuzzleHttp\Client(["handler" => GuzzleHttp\HandlerStack::create(
                new GuzzleHttp\Handler\MockHandler([new GuzzleHttp\Psr7\Response(503), new GuzzleHttp\Psr7\Response(503)]))]));
            $c->track->queue(["type" => "person", "action" => "identify", "identifiers" => ["id" => "g1"]]);
            try {
                $c->track->flush();
            } catch (GuzzleHttp\Exception\ServerException $e) {
                echo get_class($e), "\n";
            }
            unset($e);
            echo "script done\n";
            PHP;

        $run = $this->runPhpFull($code, ['zend.exception_ignore_args' => '0']);

        $this->assertSame(0, $run['status'], 'the child crashed (11: SIGSEGV): ' . $run['stderr']);
        $this->assertSame("GuzzleHttp\\Exception\\ServerException\nscript done\n", $run['stdout']);
        $this->assertStringContainsString('customerio: 1 Track v2 operation(s) not delivered', $run['stderr']);
    }

    // ---- replay() ----

    private function writeSpool(string $file, array $ops): void
    {
        file_put_contents($file, implode('', array_map(fn ($op) => json_encode($op, self::FLAGS) . "\n", $ops)));
    }

    public function testReplaySendsTheSpoolInOrderAndRemovesIt(): void
    {
        $file = $this->tempDir() . '/customerio-spool.jsonl';
        $ops = [];
        for ($i = 0; $i < 25; $i++) {
            $ops[] = $i % 2 ? self::identifyOp("p$i") : self::eventOp("p$i") + ['id' => sprintf('01ARZ3NDEKTSV4RRFFQ69G5F%02d', $i)];
        }
        $this->writeSpool($file, $ops);

        $sent = $this->client(['retries' => 0, 'max_batch_bytes' => 1500])->track->replay($file);

        $this->assertSame(25, $sent);
        $this->assertGreaterThan(1, count($this->requests()), 'split like a batch');
        foreach ($this->requests() as $r) {
            $this->assertLessThanOrEqual(1500, strlen($r['body']));
        }
        $this->assertSame($ops, $this->sentOps(), 'as spooled (ids kept), in order, once');
        $this->assertFileDoesNotExist($file);
    }

    public function testReplayOfAMissingFileReturnsZero(): void
    {
        $dir = $this->tempDir();

        $this->assertSame(0, $this->client(['retries' => 0])->track->replay("$dir/customerio-spool.jsonl"));
        $this->assertNothingSent();
        $this->assertSame([], glob("$dir/*"));
    }

    public function testReplayOfABrokenLineThrowsAndLeavesTheFile(): void
    {
        $file = $this->tempDir() . '/customerio-spool.jsonl';
        $content = json_encode(self::identifyOp('a')) . "\n" . json_encode(self::identifyOp('b')) . "\n"
            . "{not json\n" . json_encode(self::identifyOp('c')) . "\n";
        file_put_contents($file, $content);

        $e = $this->catchThrowable(fn () => $this->client(['retries' => 0])->track->replay($file));

        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertStringContainsString('line 3', $e->getMessage());
        $this->assertNothingSent();
        $this->assertSame($content, file_get_contents($file), 'the file as it was');
        $this->assertSame([$file], glob(dirname($file) . '/*'), 'no leftovers next to it');
    }

    public function testReplayThatFailsPutsTheOperationsBack(): void
    {
        $file = $this->tempDir() . '/customerio-spool.jsonl';
        $ops = [self::identifyOp('a'), self::identifyOp('b'), self::identifyOp('c')];
        $this->writeSpool($file, $ops);
        self::server()->respond(500, '{"e":1}');
        $client = $this->client(['retries' => 0]);

        $e = $this->catchThrowable(fn () => $client->track->replay($file));

        $this->assertExactClass(ServerException::class, $e);
        $this->assertFileExists($file);
        $back = array_map(fn ($l) => json_decode($l, true), file($file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES));
        $this->assertSame($ops, $back, 'nothing lost');
        $this->assertSame([$file], glob(dirname($file) . '/*'));

        self::server()->reset();
        $this->assertSame(3, $client->track->replay($file));
        $this->assertSame($ops, $this->sentOps());
        $this->assertFileDoesNotExist($file);
    }

    public function testReplayThatFailsHalfWayPutsBackOnlyTheUndelivered(): void
    {
        $file = $this->tempDir() . '/customerio-spool.jsonl';
        $ops = [];
        for ($i = 0; $i < 9; $i++) {
            $op = self::identifyOp("p$i", ['pad' => '']);
            $op['attributes']['pad'] = str_repeat('r', 600 - strlen(json_encode($op, self::FLAGS)));
            $ops[] = $op;
        }
        $this->writeSpool($file, $ops);
        self::server()->respond(200, '{}')->respond(503);
        $client = $this->client(['retries' => 0, 'max_batch_bytes' => 2000]);

        $this->catchThrowable(fn () => $client->track->replay($file));

        $first = $this->requests()[0]['json']['batch'];
        $this->assertSame(array_slice($ops, 0, 3), $first);
        $back = array_map(fn ($l) => json_decode($l, true), file($file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES));
        $this->assertSame(array_slice($ops, 3), $back, 'the delivered chunk is not spooled again');

        self::server()->reset();
        $this->assertSame(6, $client->track->replay($file));
        $this->assertSame(array_slice($ops, 3), $this->sentOps());
    }

    public function testReplayDoesNotTouchTheQueue(): void
    {
        $file = $this->tempDir() . '/customerio-spool.jsonl';
        $this->writeSpool($file, [self::identifyOp('spooled')]);
        $client = $this->client(['retries' => 0]);
        $client->track->queue(self::identifyOp('queued'));

        $this->assertSame(1, $client->track->replay($file));
        $this->assertSame([self::identifyOp('spooled')], $this->sentOps());

        $client->track->flush();
        $this->assertSame([self::identifyOp('spooled'), self::identifyOp('queued')], $this->sentOps());
    }

    public function testReplayOfADirectoryLeavesItAlone(): void
    {
        $dir = $this->tempDir();
        mkdir("$dir/spool");
        file_put_contents("$dir/spool/keep.txt", 'x');

        try {
            $this->client(['retries' => 0])->track->replay("$dir/spool");
        } catch (\Throwable $e) {
            // refusing is fine too
        } finally {
            $moved = glob("$dir/spool.*");
            foreach ($moved as $m) { // put it back for the clean-up
                @unlink("$m/keep.txt");
                @rmdir($m);
            }
            @unlink("$dir/spool/keep.txt");
            @rmdir("$dir/spool");
        }
        $this->assertSame([], $moved, 'the directory was not renamed');
        $this->assertNothingSent();
    }

    public function testSpoolWrittenAtTheEndCanBeReplayed(): void
    {
        $dir = $this->tempDir();
        $ops = [self::eventOp('a'), self::identifyOp('b')];
        $code = self::childClient(var_export(self::DEAD_URL, true)) . '
            foreach (' . var_export($ops, true) . ' as $op) { $c->track->queue($op); }';
        $run = $this->runPhpFull($code, ['customerio.spool_dir' => $dir, 'log_errors' => '0']);
        $this->assertSame(0, $run['status']);
        $spooled = array_map(fn ($l) => json_decode($l, true), file("$dir/customerio-spool.jsonl", FILE_IGNORE_NEW_LINES));

        $this->assertSame(2, $this->client(['retries' => 0])->track->replay("$dir/customerio-spool.jsonl"));

        $this->assertSame($spooled, $this->sentOps(), 'the same operations with the same ids');
        $this->assertSame($ops, $this->withoutIds($this->sentOps(), $ops));
    }
}
