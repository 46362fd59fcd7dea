<?php
/*
 * Base class of the PHPUnit suite: one shared local Customer.io stand-in (started by bootstrap.php),
 * reset before every test; customerio.* ini settings restored around every test, with
 * customerio.exceptions=native and customerio.retries=0 (one attempt per call, so error tests see the first
 * answer) unless a test chooses otherwise.
 */

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Client;
use Customerio\Tests\TestServer;

abstract class TestCase extends \PHPUnit\Framework\TestCase
{
    public const API_KEY = 'trk-SECRET-key-7f3a9c';
    public const SITE_ID = 'site-4242';
    public const APP_KEY = 'app-SECRET-key-b81d05';
    /** Nothing listens there: connections are refused at once. */
    public const DEAD_URL = 'http://127.0.0.1:1';

    public const INI_KEYS = [
        'customerio.track_url',
        'customerio.api_url',
        'customerio.cainfo',
        'customerio.timeout',
        'customerio.connect_timeout',
        'customerio.exceptions',
        'customerio.retries',
        'customerio.auto_event_id',
        'customerio.spool_dir',
    ];

    private static ?TestServer $server = null;

    public static function useServer(TestServer $server): void
    {
        self::$server = $server;
    }

    protected static function server(): TestServer
    {
        if (self::$server === null) {
            self::$server = TestServer::start();
        }
        return self::$server;
    }

    protected function setUp(): void
    {
        parent::setUp();
        self::server()->reset();
        foreach (self::INI_KEYS as $key) {
            ini_restore($key);
        }
        ini_set('customerio.exceptions', 'native');
        ini_set('customerio.retries', '0');
    }

    protected function tearDown(): void
    {
        foreach (self::INI_KEYS as $key) {
            ini_restore($key);
        }
        parent::tearDown();
    }

    /** Loads Debian's Guzzle 7 (it then stays loaded for the rest of the run). */
    protected static function loadGuzzle(): void
    {
        if (!class_exists(\GuzzleHttp\Psr7\Request::class, false)) {
            require_once '/usr/share/php/GuzzleHttp/autoload.php';
        }
    }

    protected function url(): string
    {
        return self::server()->url();
    }

    /** @return array{track_url: string, api_url: string} */
    protected function serverOptions(): array
    {
        return ['track_url' => $this->url(), 'api_url' => $this->url()];
    }

    /** A client pointed at the stand-in for both the Track and the App API. */
    protected function client(array $options = []): Client
    {
        return new Client(self::API_KEY, self::SITE_ID, $options + $this->serverOptions());
    }

    protected function appClient(array $options = []): Client
    {
        $client = $this->client($options);
        $client->setAppAPIKey(self::APP_KEY);
        return $client;
    }

    protected function basicAuth(string $siteId = self::SITE_ID, string $apiKey = self::API_KEY): string
    {
        return 'Basic ' . base64_encode($siteId . ':' . $apiKey);
    }

    /** A valid Track v2 entity operation. */
    protected static function entityPayload(): array
    {
        return [
            'type' => 'person',
            'action' => 'identify',
            'identifiers' => ['id' => '42'],
            'attributes' => ['email' => 'ann@example.com', 'plan' => 'pro'],
        ];
    }

    /** @return list<array> */
    protected function requests(): array
    {
        return self::server()->requests();
    }

    protected function single(): array
    {
        $requests = self::server()->requests();
        $this->assertCount(1, $requests, 'expected exactly one request to reach the server');
        return $requests[0];
    }

    protected function assertNothingSent(): void
    {
        $this->assertSame([], self::server()->requests(), 'nothing should have reached the server');
    }

    /** Runs $fn and returns what it threw; fails when it threw nothing. */
    protected function catchThrowable(callable $fn): \Throwable
    {
        try {
            $fn();
        } catch (\Throwable $e) {
            return $e;
        }
        $this->fail('expected an exception, nothing was thrown');
    }

    /** Asserts the exact class (not a subclass) of $e. */
    protected function assertExactClass(string $class, \Throwable $e): void
    {
        $this->assertSame(ltrim($class, '\\'), get_class($e), 'exception: ' . $e->getMessage());
    }

    /** Guzzle's major version (7 or 8) as installed; the two differ in exception classes and message formats. */
    protected static function guzzleMajor(): int
    {
        self::loadGuzzle();
        return \GuzzleHttp\ClientInterface::MAJOR_VERSION;
    }

    /** hasResponse() where the class has it (native, Guzzle 7); Guzzle 8 says it by the class (ResponseException). */
    protected static function hasResponse(\Throwable $e): bool
    {
        if (method_exists($e, 'hasResponse')) {
            return $e->hasResponse();
        }
        return $e instanceof \GuzzleHttp\Exception\ResponseException;
    }

    /**
     * The native classes' message for an HTTP error: Guzzle 7's format, whatever Guzzle is installed (label,
     * request, status, and a summary of the first 120 bytes on their own lines when they are printable text).
     */
    protected static function nativeMessage(string $method, string $url, int $status, string $body,
        string $reason): string
    {
        $label = $status >= 500 ? 'Server error' : ($status >= 400 ? 'Client error' : 'Unsuccessful request');
        $message = "$label: `$method $url` resulted in a `$status $reason` response";
        $summary = substr($body, 0, 120);
        if ($body !== '' && preg_match('/[^\pL\pM\pN\pP\pS\pZ\n\r\t]/u', $summary) === 0) {
            $message .= ":\n$summary" . (strlen($body) > 120 ? ' (truncated...)' : '') . "\n";
        }
        return $message;
    }

    /** The message Guzzle itself builds for this request/response (RequestException::create). */
    protected static function guzzleMessage(string $method, string $url, int $status, string $body): string
    {
        self::loadGuzzle();
        return \GuzzleHttp\Exception\RequestException::create(
            new \GuzzleHttp\Psr7\Request($method, $url),
            new \GuzzleHttp\Psr7\Response($status, [], $body)
        )->getMessage();
    }

    /** A JSON document in a canonical form: two JSON texts are equal here exactly when they decode alike. */
    protected static function canonicalJson(string $json): string
    {
        $decoded = json_decode($json, false, 4096, JSON_THROW_ON_ERROR);
        return json_encode($decoded, JSON_PRESERVE_ZERO_FRACTION | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
            | JSON_THROW_ON_ERROR, 4096);
    }

    /** @var list<resource> one-shot raw servers started by the current test */
    private array $rawServers = [];

    /**
     * Starts a throw-away TCP server that answers each of the next $connections connections with the raw
     * bytes $response (status line, headers and body exactly as given), for what the stand-in cannot
     * send: invalid UTF-8 bodies, repeated header names, custom reason phrases. Returns http://127.0.0.1:PORT.
     */
    protected function rawServer(string $response, int $connections = 1): string
    {
        $code = <<<'PHP'
            $s = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
            fwrite(STDOUT, stream_socket_get_name($s, false) . "\n");
            fflush(STDOUT);
            for ($i = 0; $i < (int) $argv[2]; $i++) {
                $c = @stream_socket_accept($s, 10);
                if (!$c) { break; }
                $buf = '';
                while (strpos($buf, "\r\n\r\n") === false && !feof($c)) { $buf .= fread($c, 8192); }
                if (preg_match('/\r\ncontent-length:\s*(\d+)/i', $buf, $m)) {
                    $need = strpos($buf, "\r\n\r\n") + 4 + (int) $m[1];
                    while (strlen($buf) < $need && !feof($c)) { $buf .= fread($c, 8192); }
                }
                fwrite($c, base64_decode($argv[1]));
                fclose($c);
            }
            PHP;
        $proc = proc_open([PHP_BINARY, '-n', '-r', $code, '--', base64_encode($response), (string) $connections],
            [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $this->assertIsResource($proc);
        $this->rawServers[] = $proc;
        $line = trim((string) fgets($pipes[1]));
        $this->assertMatchesRegularExpression('~^127\.0\.0\.1:\d+$~', $line, 'raw server did not start');
        return 'http://' . $line;
    }

    /** @after */
    #[\PHPUnit\Framework\Attributes\After]
    protected function stopRawServers(): void
    {
        foreach ($this->rawServers as $proc) {
            proc_terminate($proc);
            proc_close($proc);
        }
        $this->rawServers = [];
    }

    /** Path to the extension binary, for tests that need a fresh PHP process. */
    protected static function extensionPath(): string
    {
        return dirname(__DIR__, 2) . '/modules/customerio.so';
    }

    /**
     * Runs $code in a fresh `php` process with the extension loaded; returns its stdout.
     * $code gets $argv[1] = the stand-in's URL.
     */
    protected function runPhp(string $code, array $iniArgs = []): string
    {
        $run = $this->runPhpFull($code, $iniArgs);
        $this->assertSame(0, $run['status'], "child PHP failed:\n{$run['stdout']}\n{$run['stderr']}");
        return $run['stdout'];
    }

    // ---- helpers of the Reliability* tests ----

    /** @var array<string, \Customerio\Tests\FaultServer> shared raw-socket servers, by kind */
    private static array $faultServers = [];

    /**
     * The shared scriptable raw-socket server (tests/server/FaultServer.php), emptied of log and script.
     * $tls: the https one (self-signed: clients need 'verify' => false).
     */
    protected static function faultServer(bool $tls = false): \Customerio\Tests\FaultServer
    {
        require_once dirname(__DIR__) . '/server/FaultServer.php';
        $kind = $tls ? 'tls' : 'tcp';
        if (!isset(self::$faultServers[$kind])) {
            self::$faultServers[$kind] = \Customerio\Tests\FaultServer::start($tls);
        }
        return self::$faultServers[$kind]->reset();
    }

    /**
     * Like runPhp(), but returns ['stdout' => ..., 'stderr' => ..., 'status' => exit status] without asserting
     * the status; $args follow the stand-in's URL ($argv[2], ...).
     * @return array{stdout: string, stderr: string, status: int}
     */
    protected function runPhpFull(string $code, array $iniArgs = [], array $args = []): array
    {
        $file = tempnam(sys_get_temp_dir(), 'cio-phpunit-');
        file_put_contents($file, "<?php\n" . $code);
        $cmd = [PHP_BINARY, '-d', 'extension=' . self::extensionPath(), '-d', 'display_errors=stderr',
            '-d', 'customerio.retries=0'];
        foreach ($iniArgs as $name => $value) {
            $cmd[] = '-d';
            $cmd[] = "$name=$value";
        }
        $cmd[] = $file;
        $cmd[] = $this->url();
        foreach ($args as $arg) {
            $cmd[] = (string) $arg;
        }
        $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $this->assertIsResource($proc);
        $out = stream_get_contents($pipes[1]);
        $err = stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $status = proc_close($proc);
        unlink($file);
        return ['stdout' => $out, 'stderr' => $err, 'status' => $status];
    }

    /** A fresh empty directory under the system temp dir, removed with its files after the test. */
    protected function tempDir(): string
    {
        $dir = sys_get_temp_dir() . '/cio-rel-' . getmypid() . '-' . bin2hex(random_bytes(4));
        mkdir($dir);
        $this->tempDirs[] = $dir;
        return $dir;
    }

    /** @var list<string> */
    private array $tempDirs = [];

    /** @after */
    #[\PHPUnit\Framework\Attributes\After]
    protected function removeTempDirs(): void
    {
        foreach ($this->tempDirs as $dir) {
            foreach (glob($dir . '/{,.}*', GLOB_BRACE) ?: [] as $f) {
                if (is_file($f)) {
                    unlink($f);
                }
            }
            @rmdir($dir);
        }
        $this->tempDirs = [];
    }

    /** A client pointed at $server (a FaultServer or the stand-in's URL) for both APIs. */
    protected function clientAt(string $url, array $options = []): Client
    {
        return new Client(self::API_KEY, self::SITE_ID, $options + ['track_url' => $url, 'api_url' => $url]);
    }

    /** A Track v2 person event (which gets an automatic id). */
    protected static function eventOp(string $person = '42', string $name = 'purchase', array $data = []): array
    {
        return ['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => $person], 'name' => $name,
            'attributes' => $data + ['amount' => 10]];
    }

    /** A Track v2 person identify (which gets no automatic id). */
    protected static function identifyOp(string $person = '42', array $attributes = []): array
    {
        return ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $person],
            'attributes' => $attributes + ['plan' => 'pro']];
    }
}
