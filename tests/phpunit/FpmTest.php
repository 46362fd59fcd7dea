<?php
/*
 * Under php-fpm the extension's connections outlive the request, so nothing else of a request may: two pages
 * served by the same worker, with different credentials, must each reach Customer.io with their own
 * Authorization, and a queue must be sent after the page was delivered. Runs a real php-fpm worker (pm=static,
 * one child) and talks FastCGI to it with cgi-fcgi; skipped where php-fpm or cgi-fcgi is not installed.
 */

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

final class FpmTest extends TestCase
{
    private static ?string $dir = null;
    /** @var resource|null */
    private static $fpm = null;

    public static function setUpBeforeClass(): void
    {
        // Debian names it after the PHP version it runs: the one running these tests
        $version = PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION;
        $fpmBinary = trim((string) shell_exec("command -v php-fpm$version || command -v /usr/sbin/php-fpm$version"
            . ' || command -v php-fpm'));
        $cgiFcgi = trim((string) shell_exec('command -v cgi-fcgi'));
        if ($fpmBinary === '' || $cgiFcgi === '') {
            return;
        }
        self::$dir = sys_get_temp_dir() . '/cio-fpm-' . getmypid();
        @mkdir(self::$dir);
        file_put_contents(self::$dir . '/page.php', <<<'PHP'
            <?php
            $client = new Customerio\Client($_GET['key'], $_GET['site'], ['track_url' => $_GET['url'], 'retries' => 0]);
            if (isset($_GET['queue'])) {
                $client->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $_GET['queue']]]);
                echo 'queued by pid ', getmypid();
                return;
            }
            $client->track->entity(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $_GET['site']]]);
            echo 'sent by pid ', getmypid();
            PHP);
        $conf = self::$dir . '/fpm.conf';
        file_put_contents($conf, implode("\n", [
            '[global]',
            'error_log = ' . self::$dir . '/fpm.log',
            'daemonize = no',
            '[www]',
            'listen = ' . self::$dir . '/fpm.sock',
            'pm = static',
            'pm.max_children = 1',
            'catch_workers_output = yes',
        ]) . "\n");
        $cmd = [$fpmBinary, '-n', '-F', '-R', '-y', $conf, '-d', 'extension=' . self::extensionPath()];
        self::$fpm = proc_open($cmd, [1 => ['file', '/dev/null', 'w'], 2 => ['file', self::$dir . '/stderr', 'w']], $pipes);
        for ($i = 0; $i < 100 && !file_exists(self::$dir . '/fpm.sock'); $i++) {
            usleep(50000);
        }
    }

    public static function tearDownAfterClass(): void
    {
        if (is_resource(self::$fpm)) {
            proc_terminate(self::$fpm);
            proc_close(self::$fpm);
        }
        if (self::$dir !== null) {
            array_map('unlink', glob(self::$dir . '/*'));
            @rmdir(self::$dir);
        }
    }

    protected function setUp(): void
    {
        parent::setUp();
        if (self::$dir === null || !file_exists(self::$dir . '/fpm.sock')) {
            $this->markTestSkipped('php-fpm and cgi-fcgi are needed (Debian: php' . PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION . '-fpm, libfcgi-bin)');
        }
    }

    /** One page through FastCGI: its body. */
    private function page(array $query): string
    {
        $env = [
            'SCRIPT_FILENAME' => self::$dir . '/page.php',
            'REQUEST_METHOD' => 'GET',
            'QUERY_STRING' => http_build_query($query + ['url' => $this->url()]),
        ];
        $proc = proc_open(['cgi-fcgi', '-bind', '-connect', self::$dir . '/fpm.sock'],
            [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
        $out = stream_get_contents($pipes[1]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        proc_close($proc);
        $parts = explode("\r\n\r\n", $out, 2);
        return $parts[1] ?? $out;
    }

    public function testEachRequestOfAWorkerSendsItsOwnCredentials(): void
    {
        $first = $this->page(['site' => 'site-one', 'key' => 'key-one']);
        $second = $this->page(['site' => 'site-two', 'key' => 'key-two']);

        $this->assertMatchesRegularExpression('/^sent by pid (\d+)$/', $first);
        $this->assertSame($first, str_replace('site-two', 'site-one', $second), 'both pages ran in the same worker');
        $requests = self::server()->requests();
        $this->assertCount(2, $requests);
        $this->assertSame('Basic ' . base64_encode('site-one:key-one'), $requests[0]['headers']['authorization']);
        $this->assertSame('Basic ' . base64_encode('site-two:key-two'), $requests[1]['headers']['authorization']);
        $this->assertSame(['id' => 'site-one'], $requests[0]['json']['identifiers']);
        $this->assertSame(['id' => 'site-two'], $requests[1]['json']['identifiers']);
    }

    public function testQueueIsSentAfterThePageWasDelivered(): void
    {
        // the page is answered at once although the stand-in takes a second to accept the queued batch
        self::server()->respond(200, '{}', [], 1000);
        $start = microtime(true);
        $body = $this->page(['site' => 's', 'key' => 'k', 'queue' => 'user-9']);
        $pageTime = microtime(true) - $start;

        $this->assertStringStartsWith('queued by pid', $body);
        $this->assertLessThan(0.8, $pageTime, 'the page waited for Customer.io');
        for ($i = 0; $i < 60 && count(self::server()->requests()) === 0; $i++) {
            usleep(50000);
        }
        $request = self::server()->single();
        $this->assertSame('/api/v2/batch', $request['path']);
        $this->assertSame([['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'user-9']]],
            $request['json']['batch']);
    }
}
