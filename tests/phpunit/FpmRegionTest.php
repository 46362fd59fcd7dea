<?php
/*
 * 'region' => 'auto' under php-fpm (issue 11, item 5): a worker asks GET /api/v1/accounts/region once per site id
 * and keeps the answer across the requests it serves. Two real php-fpm workers (pm=static), several pages over
 * FastCGI (cgi-fcgi); each page says which worker served it, so the test counts the (worker, site id) pairs and
 * compares them with the lookups that reached the stand-in. Skipped where php-fpm or cgi-fcgi is not installed.
 */

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

final class FpmRegionTest extends TestCase
{
    private static ?string $dir = null;
    /** @var resource|null */
    private static $fpm = null;

    public static function setUpBeforeClass(): void
    {
        $fpmBinary = trim((string) shell_exec('command -v php-fpm8.2 || command -v php-fpm'));
        $cgiFcgi = trim((string) shell_exec('command -v cgi-fcgi'));
        if ($fpmBinary === '' || $cgiFcgi === '') {
            return;
        }
        self::$dir = sys_get_temp_dir() . '/cio-fpm-region-' . getmypid();
        @mkdir(self::$dir);
        file_put_contents(self::$dir . '/page.php', <<<'PHP'
            <?php
            $client = new Customerio\Client('key', $_GET['site'], ['region' => 'auto', 'track_url' => $_GET['url'],
                'api_url' => $_GET['url'], 'retries' => 0]);
            echo getmypid(), ' ', $_GET['site'], ' ', get_class($client->getRegion());
            PHP);
        $conf = self::$dir . '/fpm.conf';
        file_put_contents($conf, implode("\n", [
            '[global]',
            'error_log = ' . self::$dir . '/fpm.log',
            'daemonize = no',
            '[www]',
            'listen = ' . self::$dir . '/fpm.sock',
            'pm = static',
            'pm.max_children = 2',
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
            $this->markTestSkipped('php-fpm and cgi-fcgi are needed (Debian: php8.2-fpm, libfcgi-bin)');
        }
    }

    /** One page through FastCGI: its body. */
    private function page(string $site): string
    {
        $env = [
            'SCRIPT_FILENAME' => self::$dir . '/page.php',
            'REQUEST_METHOD' => 'GET',
            'QUERY_STRING' => http_build_query(['site' => $site, 'url' => $this->url()]),
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

    public function testOneLookupPerWorkerAndSiteId(): void
    {
        $sites = ['site-a', 'site-b', 'site-a', 'site-a', 'site-b', 'site-b', 'site-a', 'site-b', 'site-a', 'site-b'];
        foreach ($sites as $ignored) {
            self::server()->respond(200, '{"url":"https://track-eu.customer.io","region":"eu","environment_id":3}');
        }

        $pairs = [];
        foreach ($sites as $site) {
            $body = $this->page($site);
            $this->assertMatchesRegularExpression('/^(\d+) ' . $site . ' Customerio\\\\Region\\\\RegionEu$/', $body);
            $pairs[explode(' ', $body)[0] . ' ' . $site] = true;
        }

        $lookups = $this->requests();
        $this->assertCount(count($pairs), $lookups, 'one lookup per (worker, site id): ' . implode(', ', array_keys($pairs)));
        $this->assertLessThanOrEqual(4, count($lookups));
        foreach ($lookups as $lookup) {
            $this->assertSame('GET /api/v1/accounts/region', $lookup['method'] . ' ' . $lookup['path']);
        }
        $this->assertEqualsCanonicalizing(
            array_map(fn ($pair) => $this->basicAuth(explode(' ', $pair)[1], 'key'), array_keys($pairs)),
            array_column(array_column($lookups, 'headers'), 'authorization'));
    }
}
