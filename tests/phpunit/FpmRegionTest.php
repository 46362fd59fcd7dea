<?php
/*
 * 'region' => 'auto' under php-fpm (issue 11, item 5): a worker asks GET /api/v1/accounts/region once per site id
 * and keeps the answer across the requests it serves. Two real php-fpm workers (pm=static), several pages over
 * FastCGI (cgi-fcgi); each page says which worker served it, so the test counts the (worker, site id) pairs and
 * compares them with the lookups that reached the stand-in. Skipped where php-fpm or cgi-fcgi is not installed.
 */

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

final class FpmRegionTest extends FpmTestCase
{
    public static function setUpBeforeClass(): void
    {
        self::startPool(['page.php' => <<<'PHP'
            <?php
            $client = new Customerio\Client('key', $_GET['site'], ['region' => 'auto', 'track_url' => $_GET['url'],
                'api_url' => $_GET['url'], 'retries' => 0]);
            echo getmypid(), ' ', $_GET['site'], ' ', get_class($client->getRegion());
            PHP], 2);
    }

    /** One page through FastCGI: its body. */
    private function page(string $site): string
    {
        return self::$pool->page('page.php', ['site' => $site, 'url' => $this->url()]);
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
