<?php
/*
 * Under php-fpm the extension's connections outlive the request, so nothing else of a request may: two pages
 * served by the same worker, with different credentials, must each reach Customer.io with their own
 * Authorization, and a queue must be sent after the page was delivered. Runs a real php-fpm worker (pm=static,
 * one child) and talks FastCGI to it with cgi-fcgi; skipped where php-fpm or cgi-fcgi is not installed.
 */

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

final class FpmTest extends FpmTestCase
{
    public static function setUpBeforeClass(): void
    {
        self::startPool(['page.php' => <<<'PHP'
            <?php
            $client = new Customerio\Client($_GET['key'], $_GET['site'], ['track_url' => $_GET['url'], 'retries' => 0]);
            if (isset($_GET['queue'])) {
                $client->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $_GET['queue']]]);
                echo 'queued by pid ', getmypid();
                return;
            }
            $client->track->entity(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $_GET['site']]]);
            echo 'sent by pid ', getmypid();
            PHP], 1);
    }

    /** One page through FastCGI: its body. */
    private function page(array $query): string
    {
        return self::$pool->page('page.php', $query + ['url' => $this->url()]);
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
