<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Client;
use GuzzleHttp\Client as GuzzleClient;
use GuzzleHttp\Handler\MockHandler;
use GuzzleHttp\HandlerStack;
use GuzzleHttp\Middleware;
use GuzzleHttp\Psr7\Response;

/**
 * Guzzle mode against the native transport: an injected Guzzle client sends the same JSON, honours
 * verify => false whatever customerio.cainfo says, and a response over max_response_bytes is Guzzle's
 * RequestException carrying that response (a response did arrive: not a ConnectException).
 */
final class TransportGuzzleModeTest extends TestCase
{
    public static function setUpBeforeClass(): void
    {
        self::loadGuzzle();
    }

    private static function operation(): array
    {
        return ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => '7'],
            'attributes' => new \stdClass(), 'nested' => ['empty_list' => [], 'map' => (object) ['0' => 'zero']]];
    }

    public function testEmptyObjectsGoOutAsObjectsThroughAnInjectedGuzzleClientAsNatively(): void
    {
        $this->client()->track->entity(self::operation());
        $this->client()->track->batch(['batch' => [self::operation()]]);
        $native = array_column($this->requests(), 'body');
        self::server()->reset();

        $client = $this->client();
        $client->setClient(new GuzzleClient());
        $client->track->entity(self::operation());
        $client->track->batch(['batch' => [self::operation()]]);
        $guzzle = array_column($this->requests(), 'body');

        $this->assertStringContainsString('"attributes":{}', $native[0]);
        $this->assertStringContainsString('"map":{"0":"zero"}', $native[0]);
        $this->assertSame($native, $guzzle, 'the same JSON bytes on the wire');
    }

    public function testVerifyFalseWinsOverTheIniCaBundleWithAnInjectedClient(): void
    {
        ini_set('customerio.cainfo', '/etc/ssl/certs/ca-certificates.crt');
        $history = [];
        $stack = HandlerStack::create(new MockHandler([new Response(200, [], '{}'), new Response(200, [], '{}')]));
        $stack->push(Middleware::history($history));

        $insecure = $this->client(['verify' => false]);
        $insecure->setClient(new GuzzleClient(['handler' => $stack]));
        $insecure->customers->event(['id' => 1, 'name' => 'x']);
        $verifying = $this->client();
        $verifying->setClient(new GuzzleClient(['handler' => $stack]));
        $verifying->customers->event(['id' => 1, 'name' => 'x']);

        $this->assertFalse($history[0]['options']['verify']);
        $this->assertSame('/etc/ssl/certs/ca-certificates.crt', $history[1]['options']['verify']);
    }

    public function testAResponseOverMaxResponseBytesIsGuzzlesRequestExceptionWithTheResponse(): void
    {
        ini_set('customerio.exceptions', 'guzzle');
        $fs = self::faultServer();
        $fs->script(['big', 5000]);
        $client = new Client(self::API_KEY, self::SITE_ID, ['track_url' => $fs->url(), 'retries' => 2,
            'max_response_bytes' => 1000]);

        $e = $this->catchThrowable(fn () => $client->track->entity(self::identifyOp()));

        // what Guzzle's own handler throws for a response it cut off: 7 RequestException, 8 ResponseException
        $this->assertExactClass(self::guzzleMajor() < 8 ? \GuzzleHttp\Exception\RequestException::class
            : \GuzzleHttp\Exception\ResponseException::class, $e);
        $this->assertSame(200, $e->getCode());
        $this->assertTrue(self::hasResponse($e));
        $this->assertSame(200, $e->getResponse()->getStatusCode());
        $this->assertStringContainsString('exceeds max_response_bytes (1000 bytes)', $e->getMessage());
        $this->assertCount(1, $fs->requests(), 'not retried: the answer came');
    }
}
