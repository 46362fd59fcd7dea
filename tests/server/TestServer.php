<?php
/*
 * Starts and drives the local Customer.io stand-in (router.php) for the test suites and the demo:
 * script its answers, read back what reached it.
 */

namespace Customerio\Tests;

final class TestServer
{
    /** @var resource */
    private $process;
    private string $state;
    private string $url;

    private function __construct()
    {
    }

    /** Starts `php -S` on a free loopback port and waits until it listens. */
    public static function start(): self
    {
        $server = new self();
        $server->state = sys_get_temp_dir() . '/cio-test-' . getmypid() . '-' . bin2hex(random_bytes(4));
        mkdir($server->state);
        file_put_contents($server->state . '/requests.jsonl', '');
        $cmd = [PHP_BINARY, '-n', '-S', '127.0.0.1:0', __DIR__ . '/router.php'];
        $env = ['CIO_TEST_STATE' => $server->state, 'PHP_CLI_SERVER_WORKERS' => '4'];
        // its log goes to a file: a pipe nobody reads fills up and blocks the server mid-test
        $log = $server->state . '/server.log';
        $server->process = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'a'],
            2 => ['file', $log, 'a']], $pipes, null, $env);
        if (!is_resource($server->process)) {
            throw new \RuntimeException('cannot start php -S');
        }
        $deadline = microtime(true) + 10;
        while (microtime(true) < $deadline) {
            if (preg_match('~Development Server \(http://([0-9.]+:\d+)\) started~', (string) @file_get_contents($log), $m)) {
                $server->url = 'http://' . $m[1];
                return $server;
            }
            usleep(10000);
        }
        throw new \RuntimeException('php -S did not start');
    }


    /** http://127.0.0.1:PORT, the value for track_url / api_url. */
    public function url(): string
    {
        return $this->url;
    }

    /** Forgets recorded requests and scripted answers. */
    public function reset(): void
    {
        file_put_contents($this->state . '/requests.jsonl', '');
        @unlink($this->state . '/script.json');
    }

    /** Queues the next answer: status, body (an array is JSON-encoded), headers, delay before answering. */
    public function respond(int $status, $body = '{}', array $headers = [], int $delayMs = 0): self
    {
        $file = $this->state . '/script.json';
        $script = is_file($file) ? json_decode(file_get_contents($file), true) : [];
        $script[] = [
            'status' => $status,
            'headers' => $headers,
            'body' => is_array($body) ? json_encode($body) : (string) $body,
            'delay_ms' => $delayMs,
        ];
        file_put_contents($file, json_encode($script));
        return $this;
    }

    /**
     * What reached the server, oldest first: method, path, query, headers (lower-case names), body (bytes)
     * and json (the body decoded as arrays, null when not JSON).
     * @return list<array{method: string, path: string, query: string, headers: array<string, string>, body: string, json: mixed}>
     */
    public function requests(): array
    {
        $requests = [];
        foreach (file($this->state . '/requests.jsonl', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
            $r = json_decode($line, true);
            $r['body'] = base64_decode($r['body']);
            $r['json'] = $r['body'] === '' ? null : json_decode($r['body'], true);
            $requests[] = $r;
        }
        return $requests;
    }

    /** The only request received since the last reset(); fails when there were none or several. */
    public function single(): array
    {
        $requests = $this->requests();
        if (count($requests) !== 1) {
            throw new \RuntimeException('expected exactly one request, got ' . count($requests));
        }
        return $requests[0];
    }

    public function stop(): void
    {
        if (is_resource($this->process)) {
            // php -S with PHP_CLI_SERVER_WORKERS forks workers that outlive a terminated master: stop them first
            $master = proc_get_status($this->process)['pid'];
            foreach (glob('/proc/[0-9]*/stat') ?: [] as $stat) {
                $line = @file_get_contents($stat);
                if ($line !== false && preg_match('/^(\d+) \(.*\) \S (\d+) /s', $line, $m) && (int) $m[2] === $master) {
                    function_exists('posix_kill') ? posix_kill((int) $m[1], 15) : exec('kill -TERM ' . (int) $m[1]);
                }
            }
            proc_terminate($this->process);
            proc_close($this->process);
        }
        foreach (glob($this->state . '/*') as $f) {
            unlink($f);
        }
        @rmdir($this->state);
    }

    public function __destruct()
    {
        $this->stop();
    }
}
