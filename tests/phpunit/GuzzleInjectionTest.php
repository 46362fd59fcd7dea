<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Client;
use GuzzleHttp\Client as GuzzleClient;
use GuzzleHttp\Exception\ClientException;
use GuzzleHttp\Handler\MockHandler;
use GuzzleHttp\HandlerStack;
use GuzzleHttp\Middleware;
use GuzzleHttp\Psr7\Response;
use Psr\Http\Message\RequestInterface;

/**
 * setClient($guzzle): every request goes through the injected Guzzle client (here a MockHandler with a
 * history middleware) with the auth, headers, JSON body and query the SDK built; nothing reaches the network
 * or the local stand-in. Without setClient the native transport is used.
 */
final class GuzzleInjectionTest extends TestCase
{
    /** @var list<array{request: RequestInterface, response: mixed, error: mixed, options: array}> */
    private array $history = [];
    private ?GuzzleClient $guzzle = null;

    public static function setUpBeforeClass(): void
    {
        self::loadGuzzle();
    }

    protected function setUp(): void
    {
        parent::setUp();
        // Should a request bypass the injected client and go to the real hosts, fail fast.
        ini_set('customerio.connect_timeout', '1');
        ini_set('customerio.timeout', '2');
        $this->history = [];
        $this->guzzle = null;
    }

    /** A client for the real Customer.io hosts (no track_url / api_url). */
    private function realHostClient(array $options = []): Client
    {
        $client = new Client(self::API_KEY, self::SITE_ID, $options);
        $client->setAppAPIKey(self::APP_KEY);
        return $client;
    }

    /** Injects a Guzzle client whose handler answers with $responses and records into $this->history. */
    private function inject(Client $client, Response ...$responses): GuzzleClient
    {
        $stack = HandlerStack::create(new MockHandler($responses));
        $stack->push(Middleware::history($this->history));
        $this->guzzle = new GuzzleClient(['handler' => $stack]);
        $client->setClient($this->guzzle);
        return $this->guzzle;
    }

    private static function json($body): Response
    {
        return new Response(200, ['Content-Type' => 'application/json'], is_string($body) ? $body : json_encode($body));
    }

    private function onlyRequest(): RequestInterface
    {
        $this->assertCount(1, $this->history, 'expected exactly one request through the injected Guzzle client');
        return $this->history[0]['request'];
    }

    private function assertTrackAuth(RequestInterface $request, string $siteId = self::SITE_ID): void
    {
        $this->assertSame($this->basicAuth($siteId), $request->getHeaderLine('Authorization'));
    }

    private function assertAppAuth(RequestInterface $request): void
    {
        $this->assertSame('Bearer ' . self::APP_KEY, $request->getHeaderLine('Authorization'));
    }

    private static function body(RequestInterface $request)
    {
        $body = (string) $request->getBody();
        return $body === '' ? null : json_decode($body, true, 512, JSON_THROW_ON_ERROR);
    }

    public function testRequestsGoThroughTheMockHandlerNotTheServer(): void
    {
        $client = $this->appClient(); // pointed at the stand-in
        $this->inject($client, self::json(['meta' => 'ok']));

        $result = $client->customers->add(['id' => 'u1', 'email' => 'ann@example.com']);

        $request = $this->onlyRequest();
        $this->assertSame('PUT', $request->getMethod());
        $this->assertSame($this->url() . '/api/v1/customers/u1', (string) $request->getUri());
        $this->assertSame(['email' => 'ann@example.com'], self::body($request));
        $this->assertTrackAuth($request);
        $this->assertEquals((object) ['meta' => 'ok'], $result);
        $this->assertNothingSent();
    }

    public function testTrackV1CallOnTheRealHost(): void
    {
        $client = $this->realHostClient();
        $this->inject($client, self::json('{"ok":true}'));

        $result = $client->customers->event(['id' => 'u1', 'name' => 'purchase', 'data' => ['price' => 9.5]]);

        $request = $this->onlyRequest();
        $this->assertSame('POST', $request->getMethod());
        $this->assertSame('https://track.customer.io/api/v1/customers/u1/events', (string) $request->getUri());
        $this->assertTrackAuth($request);
        $this->assertSame('application/json', $request->getHeaderLine('Accept'));
        $this->assertSame('application/json', $request->getHeaderLine('Content-Type'));
        $this->assertSame(['name' => 'purchase', 'data' => ['price' => 9.5]], self::body($request));
        $this->assertInstanceOf(\stdClass::class, $result);
        $this->assertEquals((object) ['ok' => true], $result);
        $this->assertNothingSent();
    }

    public function testTrackV2EntityOnTheRealHost(): void
    {
        $client = $this->realHostClient();
        $this->inject($client, self::json('{}'));

        $client->track->entity(self::entityPayload());

        $request = $this->onlyRequest();
        $this->assertSame('POST', $request->getMethod());
        $this->assertSame('https://track.customer.io/api/v2/entity', (string) $request->getUri());
        $this->assertTrackAuth($request);
        $this->assertSame('application/json', $request->getHeaderLine('Accept'));
        $this->assertSame(self::entityPayload(), self::body($request));
    }

    public function testAppApiPostWithQueryOnTheRealHost(): void
    {
        $client = $this->realHostClient();
        $this->inject($client, self::json(['identifiers' => [['id' => 'u1']], 'next' => '']));
        $filter = ['and' => [['attribute' => ['field' => 'plan', 'operator' => 'eq', 'value' => 'pro']]]];

        $result = $client->customers->search(['filter' => $filter, 'query' => ['limit' => 5]]);

        $request = $this->onlyRequest();
        $this->assertSame('POST', $request->getMethod());
        $this->assertSame('https://api.customer.io/v1/customers?limit=5', (string) $request->getUri());
        $this->assertSame('limit=5', $request->getUri()->getQuery());
        $this->assertAppAuth($request);
        $this->assertSame('application/json', $request->getHeaderLine('Accept'));
        $this->assertSame(['filter' => $filter], self::body($request));
        $this->assertEquals((object) ['identifiers' => [(object) ['id' => 'u1']], 'next' => ''], $result);
    }

    public function testAppApiGetOnTheRealHost(): void
    {
        $client = $this->realHostClient();
        $this->inject($client, self::json('{"message":{"id":"m 1"}}'));

        $result = $client->messages->get(['id' => 'm 1', 'metrics' => true, 'drafts' => false, 'skip' => null]);

        $request = $this->onlyRequest();
        $this->assertSame('GET', $request->getMethod());
        $this->assertSame('https', $request->getUri()->getScheme());
        $this->assertSame('api.customer.io', $request->getUri()->getHost());
        $this->assertSame('/v1/messages/m%201', $request->getUri()->getPath());
        $this->assertSame('metrics=1&drafts=0', $request->getUri()->getQuery());
        $this->assertAppAuth($request);
        $this->assertSame('application/json', $request->getHeaderLine('Accept'));
        $this->assertSame('', (string) $request->getBody());
        $this->assertEquals((object) ['message' => (object) ['id' => 'm 1']], $result);
    }

    public function testCustomersGetSendsTheEmailAsQuery(): void
    {
        $client = $this->realHostClient();
        $this->inject($client, self::json('{"results":[]}'));

        $client->customers->get(['email' => 'ann@example.com']);

        $request = $this->onlyRequest();
        $this->assertSame('GET', $request->getMethod());
        $this->assertSame('https://api.customer.io/v1/customers?email=ann%40example.com', (string) $request->getUri());
        $this->assertAppAuth($request);
    }

    public function testDeleteSendsNoBody(): void
    {
        $client = $this->realHostClient();
        $this->inject($client, self::json('{}'));

        $client->customers->delete(['id' => 'u1', 'ignored' => 'x']);

        $request = $this->onlyRequest();
        $this->assertSame('DELETE', $request->getMethod());
        $this->assertSame('https://track.customer.io/api/v1/customers/u1', (string) $request->getUri());
        $this->assertSame('', (string) $request->getBody());
        $this->assertFalse($request->hasHeader('Content-Type'));
        $this->assertTrackAuth($request);
    }

    public function testPathIdsAreEncodedThroughGuzzleToo(): void
    {
        $client = $this->realHostClient();
        $this->inject($client, self::json('{}'), self::json('{}'));

        $client->customers->add(['id' => 'a b/c?d#e', 'plan' => 'pro']);
        $client->segments->get(['id' => 'x+y@z']);

        $this->assertCount(2, $this->history);
        $this->assertSame('/api/v1/customers/a%20b%2Fc%3Fd%23e', $this->history[0]['request']->getUri()->getPath());
        $this->assertSame('', $this->history[0]['request']->getUri()->getQuery());
        $this->assertSame('', $this->history[0]['request']->getUri()->getFragment());
        $this->assertSame('/v1/segments/x+y@z', $this->history[1]['request']->getUri()->getPath());
    }

    public function testEuRegionHosts(): void
    {
        $client = $this->realHostClient();
        $client->setRegion('eu');
        $this->inject($client, self::json('{}'), self::json('{}'), self::json('{}'));

        $client->customers->add(['id' => 'u1']);
        $client->track->batch(['batch' => [self::entityPayload()]]);
        $client->segments->create(['name' => 'VIP']);

        $this->assertCount(3, $this->history);
        [$v1, $v2, $app] = array_column($this->history, 'request');
        $this->assertSame('https://track-eu.customer.io/api/v1/customers/u1', (string) $v1->getUri());
        $this->assertTrackAuth($v1);
        $this->assertSame('https://track-eu.customer.io/api/v2/batch', (string) $v2->getUri());
        $this->assertTrackAuth($v2);
        $this->assertSame(['batch' => [self::entityPayload()]], self::body($v2));
        $this->assertSame('POST', $app->getMethod());
        $this->assertSame('https://api-eu.customer.io/v1/segments', (string) $app->getUri());
        $this->assertAppAuth($app);
        $this->assertSame(['segment' => ['name' => 'VIP']], self::body($app));
    }

    public function testEuRegionFromTheConstructorOption(): void
    {
        $client = $this->realHostClient(['region' => 'eu']);
        $this->inject($client, self::json('{}'));

        $client->campaigns->metrics(['id' => 5, 'trigger_id' => 2, 'period' => 'days']);

        $request = $this->onlyRequest();
        $this->assertSame('https://api-eu.customer.io/v1/campaigns/5/triggers/2/metrics?period=days', (string) $request->getUri());
        $this->assertAppAuth($request);
    }

    public function testSetSiteIdChangesTheBasicAuth(): void
    {
        $client = $this->realHostClient();
        $client->setSiteId('other-site');
        $this->inject($client, self::json('{}'));

        $client->events->anonymous(['name' => 'invite']);

        $request = $this->onlyRequest();
        $this->assertSame('https://track.customer.io/api/v1/events', (string) $request->getUri());
        $this->assertTrackAuth($request, 'other-site');
        $this->assertSame(['name' => 'invite'], self::body($request));
    }

    public function testAssocResponseGivesArrays(): void
    {
        $client = $this->realHostClient();
        $client->setAssocResponse(true);
        $this->inject($client, self::json('{"segments":[{"id":7,"name":"VIP"}]}'));

        $result = $client->customers->segments(['id' => 'u1']);

        $this->assertSame(['segments' => [['id' => 7, 'name' => 'VIP']]], $result);
        $this->assertSame('https://api.customer.io/v1/customers/u1/segments', (string) $this->onlyRequest()->getUri());
    }

    public function testCollectionContentReturnsTheRawString(): void
    {
        $raw = '[{"sku":"a"},{"sku":"b"}]';
        $client = $this->realHostClient();
        $this->inject($client, self::json($raw));

        $result = $client->collection->content(['collection_id' => 3]);

        $this->assertSame($raw, $result);
        $request = $this->onlyRequest();
        $this->assertSame('GET', $request->getMethod());
        $this->assertSame('https://api.customer.io/v1/collections/3/content?raw=1', (string) $request->getUri());
        $this->assertAppAuth($request);
    }

    public function testUpdateContentSendsTheDataAsBody(): void
    {
        $client = $this->realHostClient();
        $this->inject($client, self::json('{}'));

        $client->collection->updateContent(['collection_id' => 3, 'data' => [['sku' => 'a']]]);

        $request = $this->onlyRequest();
        $this->assertSame('PUT', $request->getMethod());
        $this->assertSame('https://api.customer.io/v1/collections/3/content', (string) $request->getUri());
        $this->assertSame([['sku' => 'a']], self::body($request));
        $this->assertAppAuth($request);
    }

    public static function exceptionModes(): array
    {
        return ['native' => ['native'], 'guzzle' => ['guzzle'], 'auto' => ['auto']];
    }

    /** @dataProvider exceptionModes */
    #[\PHPUnit\Framework\Attributes\DataProvider('exceptionModes')]
    public function testGuzzle404ThrowsGuzzleClientException(string $mode): void
    {
        ini_set('customerio.exceptions', $mode);
        $client = $this->realHostClient();
        $this->inject($client, new Response(404, ['Content-Type' => 'application/json'], '{"meta":{"error":"not found"}}'));

        $e = $this->catchThrowable(fn () => $client->customers->attributes(['id' => 'nobody']));

        $this->assertExactClass(ClientException::class, $e);
        $this->assertSame(404, $e->getCode());
        $this->assertSame(404, $e->getResponse()->getStatusCode());
        $this->assertSame('https://api.customer.io/v1/customers/nobody/attributes', (string) $e->getRequest()->getUri());
        $this->assertCount(1, $this->history);
        $this->assertNothingSent();
    }

    public function testValidationErrorSendsNothingThroughGuzzle(): void
    {
        $client = $this->realHostClient();
        $this->inject($client, self::json('{}'));

        $e = $this->catchThrowable(fn () => $client->segments->addCustomers(['id' => 7]));

        $this->assertSame('Customer ids are required!', $e->getMessage());
        $this->assertSame([], $this->history);
    }

    public function testGetClientReturnsTheInjectedClient(): void
    {
        $client = $this->realHostClient();
        $guzzle = $this->inject($client, self::json('{}'));

        $this->assertSame($guzzle, $client->getClient());
        $this->assertSame($guzzle, $client->getClient());
    }

    public function testSetClientAgainReplacesTheFirst(): void
    {
        $client = $this->realHostClient();
        $first = $this->inject($client, self::json('{"from":"first"}'));
        $second = $this->inject($client, self::json('{"from":"second"}'));

        $this->assertNotSame($first, $second);
        $this->assertSame($second, $client->getClient());
        $this->assertEquals((object) ['from' => 'second'], $client->exports->get(['id' => 1]));
        $this->assertSame('https://api.customer.io/v1/exports/1', (string) $this->onlyRequest()->getUri());
    }

    public function testGetClientWithoutSetClientReturnsAGuzzleClient(): void
    {
        $client = $this->client();

        $guzzle = $client->getClient();

        $this->assertInstanceOf(GuzzleClient::class, $guzzle);
        $this->assertSame(GuzzleClient::class, get_class($guzzle));
        $this->assertNothingSent();
    }

    public function testWithoutSetClientTheNativeTransportReachesTheServer(): void
    {
        $client = $this->appClient();
        self::server()->respond(200, '{"via":"server"}');

        $result = $client->customers->add(['id' => 'u1', 'plan' => 'pro']);

        $this->assertEquals((object) ['via' => 'server'], $result);
        $req = $this->single();
        $this->assertSame('PUT', $req['method']);
        $this->assertSame('/api/v1/customers/u1', $req['path']);
        $this->assertSame(['plan' => 'pro'], $req['json']);
        $this->assertStringStartsWith('customerio-php-ext/', $req['headers']['user-agent'] ?? '');
        $this->assertStringNotContainsString('GuzzleHttp', $req['headers']['user-agent'] ?? '');
        $this->assertSame([], $this->history);
    }
}
