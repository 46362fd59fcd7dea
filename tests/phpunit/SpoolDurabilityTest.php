<?php
/*
 * Spool mode end to end, the way production breaks it: php-fpm pages queue one event each under load while the
 * stand-in first refuses connections (it is not running), then answers 503, then holds a request while the
 * sender is killed (SIGKILL) and started again; two fpm workers are SIGKILLed on the way. At the end every page
 * that answered has its event at the stand-in, whole, and any duplicate carries its original's ULID.
 * Loopback only, about 15 s, every process it starts is stopped. Skipped without php-fpm and cgi-fcgi.
 */

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

final class SpoolDurabilityTest extends TestCase
{
    private const PAGES_PER_LOADER = 250;
    private const LOADERS = 3;

    /** @var list<resource> processes to stop whatever happens */
    private array $procs = [];

    /** @var list<string> directories to empty and remove */
    private array $dirs = [];

    protected function tearDown(): void
    {
        // SIGTERM first: php-fpm's master then stops its workers
        foreach (array_reverse($this->procs) as $proc) {
            if (proc_get_status($proc)['running']) {
                proc_terminate($proc, 15);
                if (!self::waitFor(fn() => !proc_get_status($proc)['running'], 5)) {
                    proc_terminate($proc, 9);
                }
            }
            proc_close($proc);
        }
        $this->procs = [];
        foreach ($this->dirs as $dir) {
            array_map('unlink', glob("$dir/*") ?: []);
            @rmdir($dir);
        }
        parent::tearDown();
    }

    private function spawn(array $cmd, string $stdout, array $env = []): array
    {
        $proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['file', $stdout, 'w'], 2 => ['file', "$stdout.err", 'w']],
            $pipes, null, $env + ['PATH' => (string) getenv('PATH')]);
        $this->assertIsResource($proc);
        $this->procs[] = $proc;
        return [$proc, proc_get_status($proc)['pid']];
    }

    private static function freePort(): int
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0');
        $port = (int) substr(strrchr(stream_socket_get_name($socket, false), ':'), 1);
        fclose($socket);
        return $port;
    }

    private static function waitFor(callable $condition, float $seconds): bool
    {
        $until = microtime(true) + $seconds;
        while (!($ok = $condition()) && microtime(true) < $until) {
            usleep(20000);
        }
        return (bool) $ok;
    }

    /** @return list<int> children of $ppid */
    private static function children(int $ppid): array
    {
        $pids = [];
        foreach (glob('/proc/[0-9]*/stat') ?: [] as $file) {
            $stat = (string) @file_get_contents($file);
            $fields = explode(' ', substr($stat, (int) strrpos($stat, ')') + 2));
            if ((int) ($fields[1] ?? 0) === $ppid) {
                $pids[] = (int) explode('/', $file)[2];
            }
        }
        return $pids;
    }

    public function testEveryAnsweredPageReachesCustomerioThroughKillsRefusalsAnd503(): void
    {
        $fpmBinary = \Customerio\Tests\FpmPool::binary();
        if (\Customerio\Tests\FpmPool::missing() !== '' || !function_exists('posix_kill')) {
            $this->markTestSkipped((\Customerio\Tests\FpmPool::missing() ?: 'posix is needed') . '; posix too');
        }
        $dir = $this->tempDir();
        $spool = "$dir/spool";
        $state = "$dir/standin";
        mkdir($spool, 0700);
        mkdir($state);
        $this->dirs = [$spool, $state];
        file_put_contents("$state/requests.jsonl", '');
        $url = 'http://127.0.0.1:' . self::freePort();

        file_put_contents("$dir/page.php", '<?php
            $c = new Customerio\Client("durability-key", "durability-site", ["track_url" => ' . var_export($url, true) . ']);
            $c->track->queue(["type" => "person", "action" => "event", "identifiers" => ["id" => "u"],
                "name" => "page-" . $_GET["n"]]);
            usleep(8000); // a page that does some work after queue(): a kill can land here
            echo "queued ", $_GET["n"], "\n";');
        file_put_contents("$dir/fpm.conf", implode("\n", ['[global]', "error_log = $dir/fpm.log", 'daemonize = no',
            '[www]', "listen = $dir/fpm.sock", 'pm = static', 'pm.max_children = 3']) . "\n");
        [$fpm, $fpmPid] = $this->spawn([$fpmBinary, '-n', '-F', '-R', '-y', "$dir/fpm.conf", '-d',
            'extension=' . self::extensionPath(), '-d', 'customerio.queue_mode=spool', '-d', "customerio.spool_dir=$spool"],
            "$dir/fpm.out");
        $this->assertTrue(self::waitFor(fn() => file_exists("$dir/fpm.sock") && count(self::children($fpmPid)) === 3, 10),
            'php-fpm started');

        $senderCmd = [PHP_BINARY, '-n', '-d', 'extension=' . self::extensionPath(), '-d', 'customerio.retries=0',
            __DIR__ . '/../../bin/customerio-sender', '--idle-sleep=0.2', '--max-backoff=0.3'];
        $senderEnv = ['CUSTOMERIO_SITE_ID' => 'durability-site', 'CUSTOMERIO_API_KEY' => 'durability-key',
            'CUSTOMERIO_SPOOL_DIR' => $spool, 'CUSTOMERIO_TRACK_URL' => $url];
        [$sender1, $sender1Pid] = $this->spawn($senderCmd, "$dir/sender1.out", $senderEnv);

        $loaders = [];
        for ($l = 0; $l < self::LOADERS; $l++) {
            $from = $l * self::PAGES_PER_LOADER;
            $to = $from + self::PAGES_PER_LOADER - 1;
            $loaders[] = $this->spawn(['bash', '-c', "for n in \$(seq $from $to); do QUERY_STRING=n=\$n "
                . "SCRIPT_FILENAME=$dir/page.php REQUEST_METHOD=GET cgi-fcgi -bind -connect $dir/fpm.sock; echo; done"],
                "$dir/loader$l.out")[0];
        }
        $pagesDone = fn() => preg_match_all('/^queued \d+$/m', implode('', array_map(fn($l) =>
            (string) @file_get_contents("$dir/loader$l.out"), range(0, self::LOADERS - 1))));

        // phase 1: the stand-in is down (connections refused) while pages queue; one worker is killed
        $this->assertTrue(self::waitFor(fn() => $pagesDone() >= 100, 20));
        $this->assertTrue(posix_kill(self::children($fpmPid)[0], 9));

        // phase 2: the stand-in answers 503 three times, then holds a request 2 s (the sender dies meanwhile)
        file_put_contents("$state/script.json", json_encode(array_merge(
            array_fill(0, 3, ['status' => 503, 'headers' => [], 'body' => 'busy', 'delay_ms' => 0]),
            [['status' => 200, 'headers' => [], 'body' => '{}', 'delay_ms' => 2000]])));
        $this->spawn([PHP_BINARY, '-n', '-S', substr($url, 7), __DIR__ . '/../server/router.php'], "$dir/standin.out",
            ['CIO_TEST_STATE' => $state]);
        $arrived = fn() => count(file("$state/requests.jsonl", FILE_SKIP_EMPTY_LINES) ?: []);
        $this->assertTrue(self::waitFor(fn() => $arrived() >= 4, 20), 'the sender reached the stand-in');
        $this->assertTrue(posix_kill($sender1Pid, 9), 'the sender is killed with its request in flight');
        $this->assertTrue(self::waitFor(fn() => !proc_get_status($sender1)['running'], 5));
        $this->assertTrue(posix_kill(self::children($fpmPid)[0], 9));

        // phase 3: a new sender resumes from the checkpoint
        [$sender2] = $this->spawn($senderCmd, "$dir/sender2.out", $senderEnv);
        foreach ($loaders as $loader) {
            $this->assertTrue(self::waitFor(fn() => !proc_get_status($loader)['running'], 60), 'the load ended');
        }
        ini_set('customerio.spool_dir', $spool);
        $status = new \Customerio\Client('durability-key', 'durability-site', ['track_url' => $url]);
        $this->assertTrue(self::waitFor(fn() => $status->track->spoolStatus()['pending_bytes'] === 0, 30),
            'the sender emptied the spool');
        proc_terminate($sender2, 15);
        $exit = null;
        $this->assertTrue(self::waitFor(function () use ($sender2, &$exit) {
            $st = proc_get_status($sender2);
            $exit = $st['exitcode'];
            return !$st['running'];
        }, 10));

        // what the pages answered, and what reached the stand-in
        $answered = [];
        for ($l = 0; $l < self::LOADERS; $l++) {
            preg_match_all('/^queued (\d+)$/m', (string) file_get_contents("$dir/loader$l.out"), $m);
            foreach ($m[1] as $n) {
                $answered["page-$n"] = true;
            }
        }
        $ids = [];
        $duplicates = 0;
        $statuses = [];
        foreach (file("$state/requests.jsonl", FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
            $request = json_decode($line, true);
            $body = json_decode(base64_decode($request['body']), true);
            $this->assertIsArray($body, 'every request is whole JSON');
            foreach ($body['batch'] as $op) {
                $this->assertSame(['type', 'action', 'identifiers', 'name', 'id'], array_keys($op), 'whole operations');
                $this->assertMatchesRegularExpression('/^page-\d+$/', $op['name']);
                if (isset($ids[$op['name']])) {
                    $duplicates++;
                    $this->assertSame($ids[$op['name']], $op['id'], "a duplicate of {$op['name']} carries its ULID");
                }
                $ids[$op['name']] = $op['id'];
            }
        }
        $missing = array_keys(array_diff_key($answered, $ids));
        $this->assertSame([], $missing, 'every answered page has its event at the stand-in');
        $this->assertGreaterThan(self::LOADERS * self::PAGES_PER_LOADER * 0.9, count($answered), 'most pages answered');
        $this->assertGreaterThan(0, $duplicates, 'the request in flight when the sender died went again');
        $this->assertStringContainsString('error="cURL error 7: ', (string) file_get_contents("$dir/sender1.out"),
            'connections were refused');
        $this->assertMatchesRegularExpression('/^\S+ retry .*503 Service Unavailable/m', (string) file_get_contents("$dir/sender1.out"));
        $this->assertSame(0, $exit, (string) file_get_contents("$dir/sender2.out.err"));
        $this->assertMatchesRegularExpression('/ status sent=\d+ .*stopped=signal$/', trim((string) file_get_contents("$dir/sender2.out")));
        $this->assertSame('', (string) file_get_contents("$dir/sender2.out.err"));
    }
}
