<?php
/*
 * Spool mode (customerio.queue_mode / the queue_mode option): queue() appends to a local spool file and sends
 * nothing; drain() and bin/customerio-sender send the spool. What a user sees: the files in spool_dir (their
 * lines, their modes), what reached the stand-in, the counters drain() returns, the rejected file, the exceptions.
 */

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Client;

final class SpoolModeTest extends TestCase
{
    private const SPOOL_INI = ['customerio.queue_mode', 'customerio.spool_group', 'customerio.spool_file_bytes'];

    protected function setUp(): void
    {
        parent::setUp();
        foreach (self::SPOOL_INI as $key) {
            ini_restore($key);
        }
    }

    protected function tearDown(): void
    {
        foreach (self::SPOOL_INI as $key) {
            ini_restore($key);
        }
        parent::tearDown();
    }

    private function spoolDir(): string
    {
        $dir = $this->tempDir();
        chmod($dir, 0700);
        ini_set('customerio.spool_dir', $dir);
        return $dir;
    }

    private function spoolClient(array $options = [], string $siteId = self::SITE_ID, string $apiKey = self::API_KEY): Client
    {
        return new Client($apiKey, $siteId, $options + ['queue_mode' => 'spool'] + $this->serverOptions());
    }

    private static function event(string $name, array $extra = []): array
    {
        return ['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => 'u1'], 'name' => $name] + $extra;
    }

    /** @return list<string> the file names in $dir matching $pattern */
    private static function files(string $dir, string $pattern = '*'): array
    {
        return array_map('basename', glob("$dir/$pattern") ?: []);
    }

    /** @return list<array> every operation of every batch that reached the stand-in, in arrival order */
    private function sentOperations(): array
    {
        $ops = [];
        foreach ($this->requests() as $r) {
            $this->assertSame('/api/v2/batch', $r['path']);
            foreach ($r['json']['batch'] as $op) {
                $ops[] = $op;
            }
        }
        return $ops;
    }

    // ---- the writer ----

    public function testQueueAppendsOneJsonLinePerOperationAndSendsNothing(): void
    {
        $dir = $this->spoolDir();
        $client = $this->spoolClient();
        $client->track->queue(self::event('a'));
        $client->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'u1']]);
        unset($client);

        $this->assertNothingSent();
        $spools = self::files($dir, '*.spool.*');
        $this->assertCount(1, $spools);
        $this->assertMatchesRegularExpression('/^customerio-[0-9a-f]{16}\.spool\.[0-9]{13}-' . getmypid() . '$/',
            $spools[0], 'a hash of the site id and the URL, the time the file was made, the writing process');
        $this->assertEqualsWithDelta(microtime(true), (int) substr($spools[0], 34, 13) / 1000, 60);
        $lines = file("$dir/$spools[0]", FILE_IGNORE_NEW_LINES);
        $this->assertCount(2, $lines);
        $first = json_decode($lines[0], true);
        $this->assertSame('a', $first['name']);
        $this->assertMatchesRegularExpression('/^[0-9A-HJKMNP-TV-Z]{26}$/', $first['id'], 'events get their ULID');
        $this->assertSame(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'u1']],
            json_decode($lines[1], true));
        $this->assertStringNotContainsString(self::API_KEY, file_get_contents("$dir/$spools[0]") . implode('', $spools));
    }

    public function testTheIniSettingTurnsSpoolModeOnAndTheOptionWins(): void
    {
        $dir = $this->spoolDir();
        ini_set('customerio.queue_mode', 'spool');
        $this->client()->track->queue(self::event('by ini'));
        $this->assertCount(1, self::files($dir, '*.spool.*'));

        $send = $this->client(['queue_mode' => 'send']);
        $send->track->queue(self::event('sent'));
        $send->track->flush();
        $this->assertSame('sent', $this->single()['json']['batch'][0]['name']);
    }

    public function testQueueValidatesAsInSendMode(): void
    {
        $dir = $this->spoolDir();
        $e = $this->catchThrowable(fn() => $this->spoolClient()->track->queue(['type' => 'person', 'action' => 'event']));
        $this->assertSame('Object identifiers is required!', $e->getMessage());
        $this->assertSame([], self::files($dir, '*.spool.*'));
    }

    public function testBadQueueModeIsRefused(): void
    {
        $e = $this->catchThrowable(fn() => $this->client(['queue_mode' => 'later']));
        $this->assertSame('queue_mode must be "send" or "spool"', $e->getMessage());
    }

    public function testFilesAreCreated0600WhateverTheUmask(): void
    {
        $dir = $this->spoolDir();
        $old = umask(0);
        try {
            $this->spoolClient()->track->queue(self::event('a'));
        } finally {
            umask($old);
        }
        $spool = glob("$dir/*.spool.*")[0];
        $this->assertSame('0600', sprintf('%04o', fileperms($spool) & 0777));

        $this->spoolClient()->track->drain(['once' => true]);
        $this->spoolClient()->track->queue(self::event('b'));
        self::server()->respond(400, '{"errors":[{"reason":"invalid"}]}');
        $this->spoolClient()->track->drain(['once' => true]);
        foreach (['*.checkpoint', '*.rejected', '*.lock'] as $pattern) {
            $files = glob("$dir/$pattern");
            $this->assertCount(1, $files, $pattern);
            $this->assertSame('0600', sprintf('%04o', fileperms($files[0]) & 0777), $pattern);
        }
    }

    public function testSpoolGroupGivesTheUmasksGroupBits(): void
    {
        $dir = $this->spoolDir();
        ini_set('customerio.spool_group', '1');
        $old = umask(0027);
        try {
            $this->spoolClient()->track->queue(self::event('a'));
        } finally {
            umask($old);
        }
        $this->assertSame('0640', sprintf('%04o', fileperms(glob("$dir/*.spool.*")[0]) & 0777));
    }

    public function testAWorldWritableSpoolDirIsRefused(): void
    {
        $dir = $this->spoolDir();
        chmod($dir, 0777);
        $client = $this->spoolClient();
        $e = $this->catchThrowable(fn() => $client->track->queue(self::event('a')));
        $this->assertInstanceOf(\Customerio\Exception\InvalidArgumentException::class, $e);
        $this->assertSame("customerio.spool_dir $dir is world-writable: refused (chmod o-w it, or use a directory "
            . "only the web server's user can write); nothing was queued", $e->getMessage());
        $this->assertSame([], self::files($dir));
        $e = $this->catchThrowable(fn() => $client->track->drain(['once' => true]));
        $this->assertStringContainsString('is world-writable: refused', $e->getMessage());
    }

    public function testAMissingOrUnsetSpoolDirThrowsFromQueue(): void
    {
        $client = $this->spoolClient();
        $e = $this->catchThrowable(fn() => $client->track->queue(self::event('a')));
        $this->assertSame('Spool mode needs customerio.spool_dir: it is not set; nothing was queued', $e->getMessage());

        $missing = sys_get_temp_dir() . '/cio-no-such-dir-' . bin2hex(random_bytes(4));
        ini_set('customerio.spool_dir', $missing);
        $e = $this->catchThrowable(fn() => $client->track->queue(self::event('a')));
        $this->assertSame("customerio.spool_dir $missing: No such file or directory; nothing was queued", $e->getMessage());
        $this->assertNothingSent();
    }

    public function testAnUnwritableSpoolDirThrowsFromQueue(): void
    {
        if (function_exists('posix_geteuid') && posix_geteuid() === 0) {
            $this->markTestSkipped('root writes into any directory');
        }
        $dir = $this->spoolDir();
        chmod($dir, 0500);
        $e = $this->catchThrowable(fn() => $this->spoolClient()->track->queue(self::event('a')));
        chmod($dir, 0700);
        $this->assertStringContainsString('Permission denied; nothing was queued', $e->getMessage());
    }

    public function testAKilledWritersPartialLineIsNeverSentAndItsFileGoes(): void
    {
        $dir = $this->spoolDir();
        // a worker that dies inside write(2): one whole line, then the start of the next one, no newline
        $run = $this->runPhpFull('ini_set("customerio.spool_dir", $argv[2]);
            $c = new Customerio\Client("k", ' . var_export(self::SITE_ID, true) . ', ["track_url" => $argv[1], "queue_mode" => "spool"]);
            $c->track->queue(["type" => "person", "action" => "event", "identifiers" => ["id" => "u1"], "name" => "whole"]);
            $mine = glob($argv[2] . "/*.spool.*-" . getmypid());
            file_put_contents($mine[0], \'{"type":"person","action":"ev\', FILE_APPEND);', [], [$dir]);
        $this->assertSame(0, $run['status'], $run['stderr']);
        $this->assertCount(1, self::files($dir, '*.spool.*'));

        // this process writes on in a file of its own
        $client = $this->spoolClient();
        $client->track->queue(self::event('after'));
        $this->assertCount(2, self::files($dir, '*.spool.*'));

        $result = $client->track->drain(['once' => true]);
        $this->assertSame(['whole', 'after'], array_column($this->sentOperations(), 'name'));
        $this->assertSame([2, 0, 0], [$result['sent'], $result['rejected'], $result['pending_bytes']]);
        // the dead writer's file goes with its cut line; this process still holds its own (sent) file
        $this->assertSame(self::files($dir, '*.spool.*-' . getmypid()), self::files($dir, '*.spool.*'));
        $this->assertCount(1, self::files($dir, '*.spool.*'));
    }

    public function testALiveFileRemovedByHandIsReplacedWithinASecond(): void
    {
        $dir = $this->spoolDir();
        $client = $this->spoolClient();
        $client->track->queue(self::event('before'));
        $first = self::files($dir, '*.spool.*');
        unlink("$dir/$first[0]"); // what it held is gone with it; what comes next must not follow it
        usleep(1100000);
        $client->track->queue(self::event('after'));

        $files = self::files($dir, '*.spool.*');
        $this->assertCount(1, $files);
        $this->assertNotSame($first, $files, 'a new file');
        $this->assertSame(['after'], array_map(fn($l) => json_decode($l, true)['name'], file("$dir/$files[0]")));
    }

    public function testAFullFileIsLeftToTheSenderWhichRemovesItOnceSent(): void
    {
        $dir = $this->spoolDir();
        ini_set('customerio.spool_file_bytes', '4096');
        $client = $this->spoolClient();
        for ($i = 0; $i < 100; $i++) {
            $client->track->queue(self::event("e$i", ['attributes' => ['pad' => str_repeat('x', 100)]]));
        }
        $files = self::files($dir, '*.spool.*');
        $this->assertGreaterThanOrEqual(4, count($files), 'about 190 bytes a line: a new file every ~21 lines');
        sort($files);
        foreach ($files as $i => $file) {
            $size = filesize("$dir/$file");
            $this->assertLessThanOrEqual(4096, $size);
            $this->assertStringEndsWith("\n", file_get_contents("$dir/$file"));
        }

        $result = $client->track->drain(['once' => true]);
        $this->assertSame(array_map(fn($i) => "e$i", range(0, 99)), array_column($this->sentOperations(), 'name'),
            'in order across the files');
        $this->assertSame([100, 0], [$result['sent'], $result['pending_bytes']]);
        $this->assertSame([end($files)], self::files($dir, '*.spool.*'), 'only the file this process still writes');

        $client->track->queue(self::event('next'));
        self::server()->reset();
        $this->assertSame(1, $client->track->drain(['once' => true])['sent']);
        $this->assertSame(['next'], array_column($this->sentOperations(), 'name'));

        $this->assertFalse(@ini_set('customerio.spool_file_bytes', '100'), 'below 4096 is refused');
        $this->assertSame('4096', ini_get('customerio.spool_file_bytes'));
    }

    // ---- the sender ----

    public function testDrainSendsInOrderInBatchesUnderMaxBatchBytes(): void
    {
        $this->spoolDir();
        $client = $this->spoolClient(['max_batch_bytes' => 1000]);
        $names = [];
        for ($i = 0; $i < 40; $i++) {
            $client->track->queue(self::event($names[] = "event-$i"));
        }
        $status = $client->track->spoolStatus();
        $this->assertGreaterThan(4000, $status['pending_bytes']);
        $this->assertIsFloat($status['oldest_age']);

        $result = $client->track->drain(['once' => true]);

        $requests = $this->requests();
        $this->assertGreaterThan(4, count($requests));
        foreach ($requests as $r) {
            $this->assertLessThanOrEqual(1000, strlen($r['body']));
            $this->assertSame($this->basicAuth(), $r['headers']['authorization']);
        }
        $this->assertSame($names, array_column($this->sentOperations(), 'name'));
        $this->assertSame(['sent' => 40, 'rejected' => 0, 'requests' => count($requests), 'failures' => 0,
            'pending_bytes' => 0, 'files' => 0, 'oldest_age' => null, 'stopped' => 'empty'], $result);
        $this->assertSame(0, $client->track->spoolStatus()['pending_bytes']);
    }

    public function testRejectedOperationsGoToTheRejectedFileWithTheirReason(): void
    {
        $dir = $this->spoolDir();
        $client = $this->spoolClient();
        foreach (['a', 'b', 'c'] as $name) {
            $client->track->queue(self::event($name));
        }
        self::server()->respond(207, ['errors' => [['batch_index' => 1, 'reason' => 'invalid', 'field' => 'name',
            'message' => 'name is too long']]]);

        $result = $client->track->drain(['once' => true]);

        $this->assertSame(2, $result['sent']);
        $this->assertSame(1, $result['rejected']);
        $rejected = file(glob("$dir/*.rejected")[0], FILE_IGNORE_NEW_LINES);
        $this->assertCount(1, $rejected);
        $line = json_decode($rejected[0], true);
        $this->assertSame(['batch_index' => 1, 'reason' => 'invalid', 'field' => 'name', 'message' => 'name is too long'],
            $line['reason']);
        $this->assertSame('b', $line['operation']['name']);
        $this->assertEqualsWithDelta(time(), $line['time'], 5);
        $this->assertSame(1, $client->track->spoolStatus()['rejected']);

        // nothing is sent again
        self::server()->reset();
        $this->assertSame(0, $client->track->drain(['once' => true])['requests']);
        $this->assertNothingSent();
    }

    public function testA400BatchIsSplitUntilTheRefusedOperationIsAlone(): void
    {
        $dir = $this->spoolDir();
        $client = $this->spoolClient();
        foreach (['a', 'b', 'c', 'd'] as $name) {
            $client->track->queue(self::event($name));
        }
        // the batch of 4, then [a, b] fail, then a alone is refused; the rest goes in one batch again
        self::server()->respond(400, '{"errors":[{"reason":"invalid","message":"whole batch"}]}')
            ->respond(400, '{"errors":[{"reason":"invalid","message":"half"}]}')
            ->respond(400, '{"errors":[{"reason":"invalid","field":"name","message":"a is bad"}]}');

        $result = $client->track->drain(['once' => true]);

        $this->assertSame(3, $result['sent']);
        $this->assertSame(1, $result['rejected']);
        $batches = array_map(fn($r) => array_column($r['json']['batch'], 'name'), $this->requests());
        $this->assertSame([['a', 'b', 'c', 'd'], ['a', 'b'], ['a'], ['b', 'c', 'd']], $batches);
        $line = json_decode(file_get_contents(glob("$dir/*.rejected")[0]), true);
        $this->assertSame('a', $line['operation']['name']);
        $this->assertStringContainsString('400 Bad Request', $line['reason']['reason']);
        $this->assertStringContainsString('a is bad', $line['reason']['reason']);
    }

    public function testTransientFailuresAreRetriedWithTheSameIdsAndNothingIsLost(): void
    {
        $this->spoolDir();
        $client = $this->spoolClient();
        $client->track->queue(self::event('a'));
        $client->track->queue(self::event('b'));
        self::server()->respond(503, 'busy')->respond(429, '{}');

        $seen = [];
        $result = $client->track->drain(['once' => true, 'on_batch' => function (array $batch) use (&$seen) {
            $seen[] = $batch['status'];
        }]);

        $this->assertSame(['retry', 'retry', 'ok'], $seen);
        $this->assertSame([2, 2, 3], [$result['sent'], $result['failures'], $result['requests']]);
        $requests = $this->requests();
        $this->assertCount(3, $requests);
        $this->assertSame($requests[0]['body'], $requests[2]['body'], 'the same operations, the same ids');
    }

    public function testAConnectionFailureKeepsEverythingUntilTheTimeout(): void
    {
        $this->spoolDir();
        $client = $this->spoolClient(['track_url' => self::DEAD_URL]);
        $client->track->queue(self::event('a'));

        $result = $client->track->drain(['once' => true, 'timeout' => 1.2]);

        $this->assertSame('timeout', $result['stopped']);
        $this->assertSame(0, $result['sent']);
        $this->assertGreaterThanOrEqual(2, $result['failures']);
        $this->assertGreaterThan(0, $result['pending_bytes']);
        $this->assertSame($result['pending_bytes'], $client->track->spoolStatus()['pending_bytes']);
    }

    public function testRefusedCredentialsStopTheSenderAndKeepTheSpool(): void
    {
        $this->spoolDir();
        $client = $this->spoolClient();
        $client->track->queue(self::event('a'));
        self::server()->respond(401, 'Unauthorized');

        $e = $this->catchThrowable(fn() => $client->track->drain(['once' => true]));

        $this->assertSame(401, $e->getCode());
        $this->assertInstanceOf(\Customerio\Exception\ClientException::class, $e);
        $this->assertGreaterThan(0, $client->track->spoolStatus()['pending_bytes']);
        $this->assertSame(1, $client->track->drain(['once' => true])['sent']);
    }

    public function testAcceptedBatchesAreNotSentAgainAfterTheSenderStops(): void
    {
        $this->spoolDir();
        $client = $this->spoolClient(['max_batch_bytes' => 300]);
        for ($i = 0; $i < 6; $i++) {
            $client->track->queue(self::event("e$i"));
        }
        // the sender dies after its first accepted request (an exception from on_batch stands in for the kill)
        $e = $this->catchThrowable(fn() => $client->track->drain(['once' => true,
            'on_batch' => function () { throw new \RuntimeException('killed'); }]));
        $this->assertSame('killed', $e->getMessage());
        $first = array_column($this->sentOperations(), 'name');
        $this->assertNotEmpty($first);
        $this->assertLessThan(6, count($first));

        self::server()->reset();
        $client->track->drain(['once' => true]);
        $rest = array_column($this->sentOperations(), 'name');
        $this->assertSame(['e0', 'e1', 'e2', 'e3', 'e4', 'e5'], array_merge($first, $rest));
    }

    public function testOneSenderPerSpool(): void
    {
        $this->spoolDir();
        $client = $this->spoolClient();
        $client->track->queue(self::event('a'));
        $inner = null;
        $status = null;
        $client->track->drain(['once' => true, 'on_batch' => function () use ($client, &$inner, &$status) {
            $status = $client->track->spoolStatus();
            $inner = $this->catchThrowable(fn() => $client->track->drain(['once' => true]));
        }]);
        $this->assertStringStartsWith('Another sender is draining ', $inner->getMessage());
        $this->assertTrue($status['sender_running']);
        $this->assertFalse($client->track->spoolStatus()['sender_running']);
    }

    public function testASpoolOfThePreviousLayoutIsSentAndRemoved(): void
    {
        $dir = $this->spoolDir();
        $client = $this->spoolClient();
        $base = substr($client->track->spoolStatus()['path'], 0, -strlen('.spool.*'));
        $line = fn(string $name) => json_encode(self::event($name)) . "\n";
        // what the previous version left: segments (renamed live files) with a checkpoint in the second one, and
        // a live file per process named by its pid only
        file_put_contents("$base.00000000000000000001.seg", $line('consumed before'));
        file_put_contents("$base.00000000000000000002.seg", $line('accepted') . $line('pending 1'));
        file_put_contents("$base.checkpoint", basename("$base.00000000000000000002.seg") . ' ' . strlen($line('accepted')) . "\n");
        file_put_contents("$base.spool.4242", $line('pending 2'));

        $result = $client->track->drain(['once' => true]);

        $this->assertSame(['pending 1', 'pending 2'], array_column($this->sentOperations(), 'name'),
            'in order, nothing the old checkpoint had passed');
        $this->assertSame([2, 0], [$result['sent'], $result['pending_bytes']]);
        $this->assertSame([], array_merge(self::files($dir, '*.seg'), self::files($dir, '*.spool.*')), 'all removed');
    }

    public function testSeveralWorkspacesShareOneSpoolDir(): void
    {
        $dir = $this->spoolDir();
        $a = $this->spoolClient();
        $b = $this->spoolClient([], 'site-b', 'key-b');
        $c = $this->spoolClient(['track_url' => self::DEAD_URL]); // same site, other Track host
        $a->track->queue(self::event('for a'));
        $b->track->queue(self::event('for b'));
        $c->track->queue(self::event('for c'));
        $a->track->queue(self::event('for a again'));
        $this->assertCount(3, self::files($dir, '*.spool.*'));

        $this->assertSame(2, $a->track->drain(['once' => true])['sent']);
        $this->assertSame(['for a', 'for a again'], array_column($this->sentOperations(), 'name'));
        $this->assertSame($this->basicAuth(), $this->requests()[0]['headers']['authorization']);

        self::server()->reset();
        $this->assertSame(1, $b->track->drain(['once' => true])['sent']);
        $this->assertSame(['for b'], array_column($this->sentOperations(), 'name'));
        $this->assertSame($this->basicAuth('site-b', 'key-b'), $this->requests()[0]['headers']['authorization']);
        $this->assertGreaterThan(0, $c->track->spoolStatus()['pending_bytes']);
    }

    public function testCorruptedLinesAreRejectedWithoutARequest(): void
    {
        $dir = $this->spoolDir();
        $client = $this->spoolClient();
        $client->track->queue(self::event('a'));
        // whatever a damaged disk or a hand edit can leave: only whole JSON objects are operations
        $corrupt = ['not json', '[1,2]', '{"name":"cut', '"a string"', '{"a":1} {"b":2}', "{\"name\":\"\xff\"}", '  '];
        file_put_contents(glob("$dir/*.spool.*")[0], implode("\n", $corrupt) . "\n", FILE_APPEND);
        $client->track->queue(self::event('b'));

        $result = $client->track->drain(['once' => true]);

        $this->assertSame(['a', 'b'], array_column($this->sentOperations(), 'name'));
        $this->assertSame(count($corrupt), $result['rejected']);
        $lines = file(glob("$dir/*.rejected")[0], FILE_IGNORE_NEW_LINES);
        $this->assertCount(count($corrupt), $lines);
        foreach ($lines as $i => $text) {
            $line = json_decode($text, true, 512, JSON_THROW_ON_ERROR);
            $this->assertSame(['reason' => 'not a JSON operation'], $line['reason']);
            // kept as it was, bytes that are not UTF-8 as U+FFFD
            $this->assertSame(str_replace("\xff", "\u{FFFD}", $corrupt[$i]), $line['operation']);
        }
        $this->assertSame(0, $client->track->drain(['once' => true])['sent']);
    }

    public function testDrainOptionsAreChecked(): void
    {
        $this->spoolDir();
        $client = $this->spoolClient();
        $e = $this->catchThrowable(fn() => $client->track->drain(['forever' => true]));
        $this->assertStringStartsWith('Unknown drain() option "forever"', $e->getMessage());
        $e = $this->catchThrowable(fn() => $client->track->drain(['idle_sleep' => -1]));
        $this->assertSame('drain() option idle_sleep must be a number >= 0', $e->getMessage());
    }

    public function testMaxRequestsPerSecondSpacesTheRequests(): void
    {
        $this->spoolDir();
        $client = $this->spoolClient(['max_batch_bytes' => 200]);
        for ($i = 0; $i < 4; $i++) {
            $client->track->queue(self::event("e$i"));
        }
        $started = microtime(true);
        $result = $client->track->drain(['once' => true, 'max_requests_per_second' => 10]);
        $this->assertSame(4, $result['requests']);
        $this->assertGreaterThanOrEqual(0.29, microtime(true) - $started, '4 requests at 10/s take >= 0.3 s');
    }
}
