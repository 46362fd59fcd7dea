<?php
/*
 * Spool mode across processes: writers appending while the sender rotates the spool under them, and the
 * operator's command bin/customerio-sender (its output, its exit codes, SIGTERM).
 */

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

final class SpoolSenderTest extends TestCase
{
    private const SENDER = __DIR__ . '/../../bin/customerio-sender';

    private function spoolDir(): string
    {
        $dir = $this->tempDir();
        chmod($dir, 0700);
        return $dir;
    }

    /** A PHP child with the extension; its pipes 1 and 2 go to files, returned with the process. */
    private function startPhp(array $args, array $env = [], array $ini = []): array
    {
        $cmd = [PHP_BINARY, '-d', 'extension=' . self::extensionPath(), '-d', 'display_errors=stderr',
            '-d', 'customerio.retries=0'];
        foreach ($ini as $name => $value) {
            $cmd[] = '-d';
            $cmd[] = "$name=$value";
        }
        $out = tempnam(sys_get_temp_dir(), 'cio-sender-out-');
        $err = tempnam(sys_get_temp_dir(), 'cio-sender-err-');
        $proc = proc_open(array_merge($cmd, $args), [0 => ['file', '/dev/null', 'r'], 1 => ['file', $out, 'w'],
            2 => ['file', $err, 'w']], $pipes, null, $env + ['PATH' => (string) getenv('PATH')]);
        $this->assertIsResource($proc);
        return [$proc, $out, $err];
    }

    /** Whether the child still runs; its exit code is kept (proc_get_status() reports it only once). */
    private static function running(array &$child): bool
    {
        if (!array_key_exists(3, $child)) {
            $st = proc_get_status($child[0]);
            if ($st['running']) {
                return true;
            }
            $child[3] = $st['exitcode'];
        }
        return false;
    }

    /** Waits (bounded) for the child; returns [exit code, stdout, stderr]. */
    private function finish(array $child, float $seconds = 30.0): array
    {
        $until = microtime(true) + $seconds;
        while (self::running($child) && microtime(true) < $until) {
            usleep(20000);
        }
        if (self::running($child)) {
            proc_terminate($child[0], 9);
        }
        proc_close($child[0]);
        $result = [$child[3] ?? -1, file_get_contents($child[1]), file_get_contents($child[2])];
        unlink($child[1]);
        unlink($child[2]);
        return $result;
    }

    private function senderEnv(string $dir, ?string $url = null): array
    {
        return ['CUSTOMERIO_SITE_ID' => self::SITE_ID, 'CUSTOMERIO_API_KEY' => self::API_KEY,
            'CUSTOMERIO_SPOOL_DIR' => $dir, 'CUSTOMERIO_TRACK_URL' => $url ?? $this->url()];
    }

    private function queueSome(string $dir, int $n, string $prefix = 'e'): void
    {
        ini_set('customerio.spool_dir', $dir);
        $client = $this->client(['queue_mode' => 'spool']);
        for ($i = 0; $i < $n; $i++) {
            $client->track->queue(['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => 'u'],
                'name' => "$prefix$i"]);
        }
    }

    /** @return list<string> names of the events that reached the stand-in */
    private function sentNames(): array
    {
        $names = [];
        foreach ($this->requests() as $r) {
            foreach ($r['json']['batch'] as $op) {
                $names[] = $op['name'];
            }
        }
        return $names;
    }

    public function testRotationWhileWorkersAppendLosesAndDuplicatesNothing(): void
    {
        $dir = $this->spoolDir();
        $writer = '<?php
            ini_set("customerio.spool_dir", $argv[1]);
            ini_set("customerio.spool_file_bytes", "16384"); // each writer moves to new files while the sender reads
            $c = new Customerio\Client("k", ' . var_export(self::SITE_ID, true) . ', ["track_url" => $argv[2], "queue_mode" => "spool"]);
            for ($i = 0; $i < 1500; $i++) {
                $c->track->queue(["type" => "person", "action" => "event", "identifiers" => ["id" => "u"],
                    "name" => "w" . $argv[3] . "-" . $i, "attributes" => ["pad" => str_repeat("x", $i % 300)]]);
                usleep(400); // spread over about a second, so that the sender reads under the writers
            }';
        $file = $dir . '/writer.php';
        file_put_contents($file, $writer);
        $writers = [];
        for ($w = 0; $w < 3; $w++) {
            $writers[] = $this->startPhp([$file, $dir, $this->url(), (string) $w]);
        }
        ini_set('customerio.spool_dir', $dir);
        $client = $this->client(['queue_mode' => 'spool', 'max_batch_bytes' => 20000]);
        $rotations = 0;
        $until = microtime(true) + 60;
        $anyRunning = function () use (&$writers): bool {
            $running = false;
            foreach ($writers as &$w) {
                $running = self::running($w) || $running;
            }
            return $running;
        };
        while ($anyRunning() && microtime(true) < $until) {
            $rotations += $client->track->drain(['once' => true])['requests'];
        }
        foreach ($writers as $w) {
            [$code, , $err] = $this->finish($w);
            $this->assertSame(0, $code, $err);
        }
        $client->track->drain(['once' => true]);

        $names = $this->sentNames();
        $expected = [];
        for ($w = 0; $w < 3; $w++) {
            $mine = array_values(array_filter($names, fn($n) => str_starts_with($n, "w$w-")));
            $this->assertSame(array_map(fn($i) => "w$w-$i", range(0, 1499)), $mine, "writer $w: all, once, in order");
            $expected[] = $mine;
        }
        $this->assertCount(4500, $names);
        $this->assertGreaterThan(10, $rotations, 'the sender ran while the writers appended');
        $this->assertSame(0, $client->track->spoolStatus()['pending_bytes']);
        $this->assertSame([], glob("$dir/*.spool.*"), 'every file sent and removed once its writer left it');
    }

    public function testSenderOnceSendsPrintsAndExitsZero(): void
    {
        $dir = $this->spoolDir();
        $this->queueSome($dir, 3);
        [$code, $out, $err] = $this->finish($this->startPhp([self::SENDER, '--once'], $this->senderEnv($dir)));

        $this->assertSame(0, $code, $err);
        $lines = explode("\n", trim($out));
        $this->assertCount(2, $lines, $out);
        $this->assertMatchesRegularExpression('/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ ok operations=3 sent=3 rejected=0 bytes=\d+ '
            . 'seconds=[\d.]+ pending_bytes=0$/', $lines[0]);
        $this->assertMatchesRegularExpression('/Z status sent=3 rejected=0 requests=1 failures=0 pending_bytes=0 '
            . 'files=0 oldest_age=- stopped=empty$/', $lines[1]);
        $this->assertSame(['e0', 'e1', 'e2'], $this->sentNames());
        $this->assertStringNotContainsString(self::API_KEY, $out . $err);
    }

    public function testSenderRunsUntilSigtermAndFinishesCleanly(): void
    {
        $dir = $this->spoolDir();
        $child = $this->startPhp([self::SENDER, '--idle-sleep=0.1'], $this->senderEnv($dir));
        usleep(300000);
        $this->queueSome($dir, 2, 'late');
        $until = microtime(true) + 20;
        while (count($this->sentNames()) < 2 && microtime(true) < $until) {
            usleep(50000);
        }
        $this->assertSame(['late0', 'late1'], $this->sentNames(), 'the running sender picked them up');
        proc_terminate($child[0], 15);
        [$code, $out, $err] = $this->finish($child);

        $this->assertSame(0, $code, $err);
        $this->assertMatchesRegularExpression('/status sent=2 .* stopped=signal$/', trim($out));
    }

    public function testSenderExitCodes(): void
    {
        $dir = $this->spoolDir();
        [$code, , $err] = $this->finish($this->startPhp([self::SENDER, '--once'], ['CUSTOMERIO_SPOOL_DIR' => $dir]));
        $this->assertSame(78, $code);
        $this->assertStringContainsString('CUSTOMERIO_SITE_ID and CUSTOMERIO_API_KEY must be set', $err);

        [$code, , $err] = $this->finish($this->startPhp([self::SENDER, '--bogus'], $this->senderEnv($dir)));
        $this->assertSame(64, $code);

        [$code, , $err] = $this->finish($this->startPhp([self::SENDER, '--once'],
            ['CUSTOMERIO_REGION' => 'mars'] + $this->senderEnv($dir)));
        $this->assertSame(78, $code);
        $this->assertStringContainsString('Unknown region: mars', $err);

        chmod($dir, 0777);
        [$code, , $err] = $this->finish($this->startPhp([self::SENDER, '--once'], $this->senderEnv($dir)));
        chmod($dir, 0700);
        $this->assertSame(78, $code);
        $this->assertStringContainsString('is world-writable: refused', $err);

        $this->queueSome($dir, 1);
        self::server()->respond(401, 'no');
        [$code, , $err] = $this->finish($this->startPhp([self::SENDER, '--once'], $this->senderEnv($dir)));
        $this->assertSame(78, $code);
        $this->assertStringContainsString('401 Unauthorized', $err);
        $this->assertStringContainsString('the spool keeps every operation', $err);

        [$code, $out] = $this->finish($this->startPhp([self::SENDER, '--once', '--timeout=0.5'],
            $this->senderEnv($dir, self::DEAD_URL)));
        $this->assertSame(0, $code, 'another URL is another spool: empty');
        $this->queueSomeFor($dir, self::DEAD_URL);
        [$code, $out] = $this->finish($this->startPhp([self::SENDER, '--once', '--timeout=0.5'],
            $this->senderEnv($dir, self::DEAD_URL)));
        $this->assertSame(75, $code, $out);
        $this->assertMatchesRegularExpression('/retry .*error="cURL error 7: /', $out);
        $this->assertMatchesRegularExpression('/status sent=0 .*stopped=timeout$/', trim($out));
    }

    private function queueSomeFor(string $dir, string $url): void
    {
        ini_set('customerio.spool_dir', $dir);
        (new \Customerio\Client(self::API_KEY, self::SITE_ID, ['track_url' => $url, 'queue_mode' => 'spool']))
            ->track->queue(['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => 'u'], 'name' => 'x']);
    }

    public function testSenderStatus(): void
    {
        $dir = $this->spoolDir();
        $this->queueSome($dir, 2);
        [$code, $out] = $this->finish($this->startPhp([self::SENDER, '--status'], $this->senderEnv($dir)));
        $this->assertSame(0, $code);
        $status = json_decode($out, true);
        $this->assertGreaterThan(0, $status['pending_bytes']);
        $this->assertSame(0, $status['rejected']);
        $this->assertFalse($status['sender_running']);
        $this->assertStringStartsWith($dir . '/customerio-', $status['path']);
    }
}
