<?php
/*
 * A TLS server that offers HTTP/2 and HTTP/1.1 through ALPN, as Customer.io does, and records which protocol each
 * connection chose: what the `php -S` stand-in (plain HTTP, HTTP/1.1 only) cannot show.
 *
 * One child process (`php -n AlpnServer.php STATE_DIR`) serves 127.0.0.1:PORT with a throw-away self-signed
 * certificate (clients need 'verify' => false), one connection at a time. Per connection it logs the negotiated
 * protocol and the first line received; an HTTP/1.1 request is answered `200 {}` with `Connection: close`, an
 * HTTP/2 connection is closed after its preface (speaking HTTP/2 is not the point: choosing it is). The child ends
 * when its stdin closes and removes its state directory.
 */

namespace Customerio\Tests;

final class AlpnServer
{
    /** @var resource */
    private $process;
    /** @var array<int, resource> */
    private array $pipes = [];
    private string $state;
    private string $url;

    public static function start(): self
    {
        $server = new self();
        $server->state = sys_get_temp_dir() . '/cio-alpn-' . getmypid() . '-' . bin2hex(random_bytes(4));
        mkdir($server->state, 0700);
        file_put_contents($server->state . '/connections.jsonl', '');
        $cmd = [PHP_BINARY, '-n', __FILE__, $server->state];
        $server->process = proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']],
            $server->pipes);
        if (!is_resource($server->process)) {
            throw new \RuntimeException('cannot start the ALPN server');
        }
        stream_set_timeout($server->pipes[1], 60);
        $line = trim((string) fgets($server->pipes[1]));
        if (!preg_match('~^127\.0\.0\.1:\d+$~', $line)) {
            throw new \RuntimeException("the ALPN server did not start: '$line'");
        }
        $server->url = 'https://' . $line;
        return $server;
    }

    public function url(): string
    {
        return $this->url;
    }

    /**
     * The connections so far, oldest first: alpn ("h2", "http/1.1" or null) and the first line received.
     * @return list<array{alpn: ?string, first: string}>
     */
    public function connections(): array
    {
        $lines = file($this->state . '/connections.jsonl', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [];
        return array_map(fn($l) => json_decode($l, true), $lines);
    }

    public function stop(): void
    {
        if (is_resource($this->process)) {
            fclose($this->pipes[0]);
            fclose($this->pipes[1]);
            proc_close($this->process);
        }
    }

    public function __destruct()
    {
        $this->stop();
    }

    // ---- the child ----

    public static function serve(string $state): void
    {
        $key = openssl_pkey_new(['private_key_bits' => 2048, 'private_key_type' => OPENSSL_KEYTYPE_RSA]);
        $cert = openssl_csr_sign(openssl_csr_new(['commonName' => '127.0.0.1'], $key), null, $key, 1);
        openssl_x509_export($cert, $certPem);
        openssl_pkey_export($key, $keyPem);
        file_put_contents("$state/tls.pem", $certPem . $keyPem);
        chmod("$state/tls.pem", 0600);
        $context = stream_context_create(['ssl' => [
            'local_cert' => "$state/tls.pem", 'verify_peer' => false, 'alpn_protocols' => 'h2,http/1.1',
        ]]);
        $listener = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr,
            STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context);
        if (!$listener) {
            fwrite(STDOUT, "error: $errstr\n");
            exit(1);
        }
        fwrite(STDOUT, stream_socket_get_name($listener, false) . "\n");
        fflush(STDOUT);
        stream_set_blocking(STDIN, false);

        for (;;) {
            $read = [$listener, STDIN];
            $write = $except = null;
            if (@stream_select($read, $write, $except, 1) === false) {
                usleep(10000);
                continue;
            }
            if (in_array(STDIN, $read, true)) {
                $chunk = fread(STDIN, 8192);
                if (($chunk === '' || $chunk === false) && feof(STDIN)) {
                    array_map('unlink', glob("$state/*") ?: []);
                    @rmdir($state);
                    exit(0);
                }
            }
            if (!in_array($listener, $read, true) || !($sock = @stream_socket_accept($listener, 0))) {
                continue;
            }
            stream_set_blocking($sock, true);
            stream_set_timeout($sock, 5);
            if (!@stream_socket_enable_crypto($sock, true, STREAM_CRYPTO_METHOD_TLS_SERVER)) {
                @fclose($sock);
                continue;
            }
            $alpn = stream_get_meta_data($sock)['crypto']['alpn_protocol'] ?? null;
            // an HTTP/1.1 request in full (headers, then Content-Length bytes), or HTTP/2's preface line
            $buf = '';
            while (!feof($sock) && ($end = strpos($buf, "\r\n\r\n")) === false) {
                $chunk = fread($sock, 65536);
                if ($chunk === false || $chunk === '') {
                    break;
                }
                $buf .= $chunk;
            }
            $first = (string) strtok($buf, "\r\n");
            file_put_contents("$state/connections.jsonl", json_encode(['alpn' => $alpn, 'first' => $first]) . "\n",
                FILE_APPEND);
            if ($end !== false && str_starts_with($first, 'PRI ') === false) {
                $length = preg_match('~\r\ncontent-length:\s*(\d+)~i', substr($buf, 0, $end), $m) ? (int) $m[1] : 0;
                while (strlen($buf) < $end + 4 + $length && !feof($sock)) {
                    $chunk = fread($sock, 65536);
                    if ($chunk === false || $chunk === '') {
                        break;
                    }
                    $buf .= $chunk;
                }
                fwrite($sock, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                    . "Connection: close\r\n\r\n{}");
            }
            @fclose($sock);
        }
    }
}

if (PHP_SAPI === 'cli' && isset($_SERVER['argv'][0]) && realpath($_SERVER['argv'][0]) === __FILE__) {
    AlpnServer::serve($_SERVER['argv'][1]);
}
