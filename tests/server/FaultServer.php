<?php
/*
 * A scriptable raw-socket HTTP server for the reliability tests: what the `php -S` stand-in cannot do.
 *
 * One child process (`php -n FaultServer.php STATE_DIR`) serves 127.0.0.1:PORT with a select() loop, one
 * request per connection (every answer says `Connection: close`). Each request is logged with its arrival
 * time, then answered by the next scripted action (FIFO), or `200 {}` when the script is empty:
 *
 *   respond  status, body, headers, delay_ms   a normal HTTP answer
 *   silent   seconds                           reads the request, never answers (closes after `seconds`
 *                                              or when the client gives up)
 *   partial                                    headers with Content-Length: 100, 10 body bytes, then closes
 *   garbage                                    a few bytes that are not HTTP, then closes
 *   close                                      closes without a byte
 *   raw      bytes                             those bytes as they are, then closes
 *   big      bytes                             200 with a JSON-ish body of that many bytes, streamed
 *
 * The child ends when its stdin closes (stop() or the parent's exit, even a crash), so it exits cleanly under
 * valgrind too, and removes its state directory.
 */

namespace Customerio\Tests;

final class FaultServer
{
    private const REASONS = [200 => 'OK', 207 => 'Multi-Status', 301 => 'Moved Permanently', 302 => 'Found',
        307 => 'Temporary Redirect', 308 => 'Permanent Redirect', 400 => 'Bad Request', 401 => 'Unauthorized',
        404 => 'Not Found', 408 => 'Request Timeout', 422 => 'Unprocessable Entity', 429 => 'Too Many Requests',
        500 => 'Internal Server Error', 502 => 'Bad Gateway', 503 => 'Service Unavailable', 504 => 'Gateway Timeout'];

    /** @var resource */
    private $process;
    /** @var array<int, resource> */
    private array $pipes = [];
    private string $state;
    private string $url;

    private function __construct()
    {
    }

    /** $tls: serve https with a throw-away self-signed certificate (clients need 'verify' => false). */
    public static function start(bool $tls = false): self
    {
        $server = new self();
        $server->state = sys_get_temp_dir() . '/cio-fault-' . getmypid() . '-' . bin2hex(random_bytes(4));
        mkdir($server->state);
        file_put_contents($server->state . '/requests.jsonl', '');
        file_put_contents($server->state . '/script.ser', serialize([]));
        $cmd = [PHP_BINARY, '-n', '-d', 'memory_limit=512M', __FILE__, $server->state, $tls ? 'tls' : 'tcp'];
        $server->process = proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']],
            $server->pipes);
        if (!is_resource($server->process)) {
            throw new \RuntimeException('cannot start the fault server');
        }
        stream_set_timeout($server->pipes[1], 60);
        $line = trim((string) fgets($server->pipes[1]));
        if (!preg_match('~^127\.0\.0\.1:\d+$~', $line)) {
            throw new \RuntimeException("the fault server did not start: '$line'");
        }
        $server->url = ($tls ? 'https://' : 'http://') . $line;
        return $server;
    }

    /** http://127.0.0.1:PORT (https:// for a TLS server) */
    public function url(): string
    {
        return $this->url;
    }

    /** Forgets the log and the script. */
    public function reset(): self
    {
        $this->locked(function () {
            file_put_contents($this->state . '/requests.jsonl', '');
            file_put_contents($this->state . '/script.ser', serialize([]));
        });
        return $this;
    }

    /** Queues actions (each ['respond', ...] style: see the file comment), answered in order. */
    public function script(array ...$actions): self
    {
        $this->locked(function () use ($actions) {
            // serialize(), not JSON: raw bytes and bodies may be anything
            $file = $this->state . '/script.ser';
            $script = unserialize((string) file_get_contents($file));
            foreach ($actions as $action) {
                $script[] = $action;
            }
            file_put_contents($file, serialize($script));
        });
        return $this;
    }

    public function respond(int $status, string $body = '{}', array $headers = [], int $delayMs = 0): self
    {
        return $this->script(['respond', $status, $body, $headers, $delayMs]);
    }

    /** Actions not used yet. */
    public function pending(): int
    {
        return $this->locked(fn() => count(unserialize((string) file_get_contents($this->state . '/script.ser'))));
    }

    /**
     * What arrived, oldest first: t (microtime(true) when the request was complete), method, path, query,
     * headers (lower-case names), body, json (decoded as arrays; null when the body is empty or not JSON).
     * @return list<array{t: float, method: string, path: string, query: string, headers: array<string, string>, body: string, json: mixed}>
     */
    public function requests(): array
    {
        $lines = $this->locked(fn() => file($this->state . '/requests.jsonl', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES));
        $requests = [];
        foreach ($lines as $line) {
            $r = json_decode($line, true);
            $r['body'] = base64_decode($r['body']);
            $r['json'] = $r['body'] === '' ? null : json_decode($r['body'], true, 4096);
            $requests[] = $r;
        }
        return $requests;
    }

    private function locked(callable $fn)
    {
        $lock = fopen($this->state . '/lock', 'c');
        flock($lock, LOCK_EX);
        try {
            return $fn();
        } finally {
            flock($lock, LOCK_UN);
            fclose($lock);
        }
    }

    private bool $detached = false;

    /** @var list<array> the process and pipes of detached servers: static members outlive RSHUTDOWN */
    private static array $keep = [];

    /**
     * Leaves the server running until this process exits (its stdin then closes), past destructors: for
     * what is sent at the end of the request.
     */
    public function detach(): void
    {
        $this->detached = true;
        self::$keep[] = [$this->process, $this->pipes];
    }

    /** Path of the loaded customerio.so (from /proc/self/maps), for child PHP processes; null if unknown. */
    public static function extensionPath(): ?string
    {
        foreach (file('/proc/self/maps', FILE_IGNORE_NEW_LINES) ?: [] as $line) {
            if (preg_match('~\s(/\S*customerio\.so)$~', $line, $m)) {
                return $m[1];
            }
        }
        return null;
    }

    /**
     * Runs $code (without the opening tag) in a fresh `php -n` with the extension and the given ini settings;
     * returns [stdout, stderr, exit status]. Extra $args follow as $argv[1...].
     * @return array{0: string, 1: string, 2: int}
     */
    public static function runChild(string $code, array $ini = [], array $args = []): array
    {
        $file = tempnam(sys_get_temp_dir(), 'cio-child-');
        file_put_contents($file, "<?php\n" . $code);
        $cmd = [PHP_BINARY, '-n', '-d', 'extension=' . self::extensionPath()];
        foreach ($ini as $name => $value) {
            $cmd[] = '-d';
            $cmd[] = "$name=$value";
        }
        $cmd[] = $file;
        foreach ($args as $arg) {
            $cmd[] = (string) $arg;
        }
        $proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $out = stream_get_contents($pipes[1]);
        $err = stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $status = proc_close($proc);
        unlink($file);
        return [$out, $err, $status];
    }

    public function stop(): void
    {
        if ($this->detached) {
            return;
        }
        if (isset($this->pipes[0]) && is_resource($this->pipes[0])) {
            fclose($this->pipes[0]);
        }
        if (is_resource($this->process)) {
            proc_close($this->process);
        }
        foreach (glob($this->state . '/*') ?: [] as $f) {
            unlink($f);
        }
        @rmdir($this->state);
    }

    public function __destruct()
    {
        $this->stop();
    }

    // ---- the child ----

    public static function serve(string $state, bool $tls): void
    {
        $context = stream_context_create();
        if ($tls) {
            $key = openssl_pkey_new(['private_key_bits' => 2048, 'private_key_type' => OPENSSL_KEYTYPE_RSA]);
            $csr = openssl_csr_new(['commonName' => '127.0.0.1'], $key);
            $cert = openssl_csr_sign($csr, null, $key, 1);
            openssl_x509_export($cert, $certPem);
            openssl_pkey_export($key, $keyPem);
            file_put_contents("$state/tls.pem", $certPem . $keyPem);
            $context = stream_context_create(['ssl' => ['local_cert' => "$state/tls.pem", 'verify_peer' => false]]);
        }
        $listener = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr,
            STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context);
        if (!$listener) {
            fwrite(STDOUT, "error: $errstr\n");
            exit(1);
        }
        fwrite(STDOUT, stream_socket_get_name($listener, false) . "\n");
        fflush(STDOUT);
        stream_set_blocking(STDIN, false);

        /** @var array<int, array{sock: resource, buf: string, silent_until: ?float}> $conns */
        $conns = [];
        $next = 0;
        for (;;) {
            $read = [$listener, STDIN];
            foreach ($conns as $c) {
                $read[] = $c['sock'];
            }
            $write = $except = null;
            if (@stream_select($read, $write, $except, 0, 50000) === false) {
                usleep(10000);
                continue;
            }
            foreach ($read as $r) {
                if ($r === STDIN) {
                    $chunk = fread(STDIN, 8192);
                    if (($chunk === '' || $chunk === false) && feof(STDIN)) {
                        foreach ($conns as $c) {
                            @fclose($c['sock']);
                        }
                        // the parent is done (or gone, even by a crash): leave nothing behind
                        array_map('unlink', glob("$state/*") ?: []);
                        @rmdir($state);
                        exit(0);
                    }
                    continue;
                }
                if ($r === $listener) {
                    $sock = @stream_socket_accept($listener, 0);
                    if ($sock && $tls) {
                        // TLS: handshake and the whole request in blocking mode (OpenSSL buffers hide from select)
                        stream_set_blocking($sock, true);
                        stream_set_timeout($sock, 5);
                        if (!@stream_socket_enable_crypto($sock, true, STREAM_CRYPTO_METHOD_TLS_SERVER)) {
                            @fclose($sock);
                            continue;
                        }
                        $buf = '';
                        while (($request = self::parse($buf)) === null && !feof($sock)) {
                            $chunk = fread($sock, 65536);
                            if ($chunk === false || ($chunk === '' && stream_get_meta_data($sock)['timed_out'])) {
                                break;
                            }
                            $buf .= $chunk;
                        }
                        if ($request !== null) {
                            self::act($sock, self::take($state, $request));
                        }
                        @fclose($sock);
                        continue;
                    }
                    if ($sock) {
                        $conns[$next++] = ['sock' => $sock, 'buf' => '', 'silent_until' => null];
                    }
                    continue;
                }
                foreach ($conns as $id => $c) {
                    if ($c['sock'] !== $r) {
                        continue;
                    }
                    $chunk = @fread($r, 65536);
                    if ($chunk === '' || $chunk === false) {
                        if (feof($r)) {
                            @fclose($r);
                            unset($conns[$id]);
                        }
                        break;
                    }
                    if ($c['silent_until'] !== null) {
                        break; // a silent connection swallows whatever comes
                    }
                    $conns[$id]['buf'] .= $chunk;
                    $request = self::parse($conns[$id]['buf']);
                    if ($request === null) {
                        break;
                    }
                    $action = self::take($state, $request);
                    if (!self::act($r, $action)) {
                        $conns[$id]['silent_until'] = microtime(true) + (float) ($action[1] ?? 30);
                    } else {
                        @fclose($r);
                        unset($conns[$id]);
                    }
                    break;
                }
            }
            $now = microtime(true);
            foreach ($conns as $id => $c) {
                if ($c['silent_until'] !== null && $now >= $c['silent_until']) {
                    @fclose($c['sock']);
                    unset($conns[$id]);
                }
            }
        }
    }

    /** A complete request in $buf (headers, then Content-Length bytes), or null while more is needed. */
    private static function parse(string $buf): ?array
    {
        $end = strpos($buf, "\r\n\r\n");
        if ($end === false) {
            return null;
        }
        $lines = explode("\r\n", substr($buf, 0, $end));
        $first = explode(' ', array_shift($lines));
        $headers = [];
        foreach ($lines as $line) {
            [$name, $value] = array_pad(explode(':', $line, 2), 2, '');
            $headers[strtolower(trim($name))] = trim($value);
        }
        $length = (int) ($headers['content-length'] ?? 0);
        if (strlen($buf) < $end + 4 + $length) {
            return null;
        }
        $target = $first[1] ?? '/';
        return [
            'method' => $first[0] ?? '',
            'path' => (string) parse_url($target, PHP_URL_PATH),
            'query' => (string) parse_url($target, PHP_URL_QUERY),
            'headers' => $headers,
            'body' => substr($buf, $end + 4, $length),
        ];
    }

    /** Logs the request and pops the next action (under the lock the parent uses). */
    private static function take(string $state, array $request): array
    {
        $lock = fopen("$state/lock", 'c');
        flock($lock, LOCK_EX);
        $request['t'] = microtime(true);
        $request['body'] = base64_encode($request['body']);
        file_put_contents("$state/requests.jsonl", json_encode($request, JSON_INVALID_UTF8_SUBSTITUTE) . "\n", FILE_APPEND);
        $script = unserialize((string) file_get_contents("$state/script.ser"));
        $action = array_shift($script) ?? ['respond', 200, '{}', [], 0];
        file_put_contents("$state/script.ser", serialize($script));
        flock($lock, LOCK_UN);
        fclose($lock);
        return $action;
    }

    /** Performs the action; false when the connection is to stay open in silence. */
    private static function act($sock, array $action): bool
    {
        stream_set_blocking($sock, true);
        switch ($action[0]) {
            case 'respond':
                [, $status, $body, $headers, $delayMs] = $action + [1 => 200, 2 => '{}', 3 => [], 4 => 0];
                if ($delayMs > 0) {
                    usleep($delayMs * 1000);
                }
                $out = "HTTP/1.1 $status " . (self::REASONS[$status] ?? 'Whatever') . "\r\n";
                $has = array_change_key_case($headers);
                foreach ($headers as $name => $value) {
                    $out .= "$name: $value\r\n";
                }
                if (!isset($has['content-type']) && $body !== '') {
                    $out .= "Content-Type: application/json\r\n";
                }
                $out .= 'Content-Length: ' . strlen($body) . "\r\nConnection: close\r\n\r\n" . $body;
                @fwrite($sock, $out);
                return true;
            case 'silent':
                stream_set_blocking($sock, false);
                return false;
            case 'partial':
                @fwrite($sock, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n"
                    . "Connection: close\r\n\r\n{\"a\":\"1234");
                usleep(50000);
                return true;
            case 'garbage':
                @fwrite($sock, "SMTP ready, not HTTP at all\x00\x01\x02\r\n\r\n");
                return true;
            case 'close':
                return true;
            case 'raw':
                @fwrite($sock, $action[1]);
                return true;
            case 'big':
                $size = (int) $action[1];
                @fwrite($sock, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: $size\r\n"
                    . "Connection: close\r\n\r\n");
                $chunk = str_repeat('x', 65536);
                for ($sent = 0; $sent < $size;) {
                    $n = min(65536, $size - $sent);
                    $w = @fwrite($sock, $n === 65536 ? $chunk : substr($chunk, 0, $n));
                    if (!$w) {
                        break;
                    }
                    $sent += $w;
                }
                return true;
        }
        return true;
    }
}

if (PHP_SAPI === 'cli' && realpath($_SERVER['argv'][0] ?? '') === __FILE__ && isset($_SERVER['argv'][1])) {
    FaultServer::serve($_SERVER['argv'][1], ($_SERVER['argv'][2] ?? '') === 'tls');
}
