<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

/** Where post/put/delete/get go: base URL, path, query string, body, authorization, headers. */
final class RoutingTest extends TestCase
{
    /** @dataProvider verbs */
    #[\PHPUnit\Framework\Attributes\DataProvider('verbs')]
    public function testVerbsGoToTrackV1WithBasicAuth(string $verb, string $method): void
    {
        $this->client()->$verb('customers/ann', ['email' => 'ann@example.com', 'n' => 3]);

        $req = $this->single();
        $this->assertSame($method, $req['method']);
        $this->assertSame('/api/v1/customers/ann', $req['path']);
        $this->assertSame('', $req['query']);
        $this->assertSame(['email' => 'ann@example.com', 'n' => 3], $req['json']);
        $this->assertSame($this->basicAuth(), $req['headers']['authorization']);
        $this->assertSame('application/json', $req['headers']['content-type']);
    }

    public static function verbs(): array
    {
        return ['post' => ['post', 'POST'], 'put' => ['put', 'PUT'], 'delete' => ['delete', 'DELETE']];
    }

    /** @dataProvider verbs */
    #[\PHPUnit\Framework\Attributes\DataProvider('verbs')]
    public function testEmptyArraySendsNoBodyAndNoContentType(string $verb, string $method): void
    {
        $this->client()->$verb('customers/ann/suppress', []);

        $req = $this->single();
        $this->assertSame($method, $req['method']);
        $this->assertSame('/api/v1/customers/ann/suppress', $req['path']);
        $this->assertSame('', $req['body']);
        $this->assertArrayNotHasKey('content-type', $req['headers']);
        $this->assertSame('application/json', $req['headers']['accept']);
    }

    /** @dataProvider verbs */
    #[\PHPUnit\Framework\Attributes\DataProvider('verbs')]
    public function testEndpointKeyReplacesTheBaseAndLeavesTheBody(string $verb, string $method): void
    {
        $this->client()->$verb('things/1', ['endpoint' => $this->url() . '/custom/base/', 'name' => 'x']);

        $req = $this->single();
        $this->assertSame($method, $req['method']);
        $this->assertSame('/custom/base/things/1', $req['path']);
        $this->assertSame(['name' => 'x'], $req['json']);
        $this->assertSame($this->basicAuth(), $req['headers']['authorization']);
    }

    public function testEndpointKeyAloneSendsNoBody(): void
    {
        $this->client()->post('merge', ['endpoint' => $this->url() . '/api/v2/']);

        $req = $this->single();
        $this->assertSame('/api/v2/merge', $req['path']);
        $this->assertSame('', $req['body']);
        $this->assertArrayNotHasKey('content-type', $req['headers']);
    }

    public function testNullEndpointKeyIsIgnored(): void
    {
        // isset() semantics: a null endpoint means the default Track v1 base
        $this->client()->post('events', ['endpoint' => null, 'name' => 'x']);

        $req = $this->single();
        $this->assertSame('/api/v1/events', $req['path']);
    }

    public function testTrackV2EndpointUsesBasicAuth(): void
    {
        $client = $this->appClient();
        $client->post('entity', ['endpoint' => $client->getRegion()->trackUri('v2'), 'type' => 'person']);

        $req = $this->single();
        $this->assertSame('/api/v2/entity', $req['path']);
        $this->assertSame($this->basicAuth(), $req['headers']['authorization']);
    }

    /** @dataProvider verbs */
    #[\PHPUnit\Framework\Attributes\DataProvider('verbs')]
    public function testAppApiEndpointUsesBearerAuth(string $verb, string $method): void
    {
        $client = $this->appClient();
        $client->$verb('send/email', ['endpoint' => $client->getRegion()->apiUri(), 'to' => 'ann@example.com']);

        $req = $this->single();
        $this->assertSame($method, $req['method']);
        $this->assertSame('/v1/send/email', $req['path']);
        $this->assertSame('Bearer ' . self::APP_KEY, $req['headers']['authorization']);
        $this->assertSame(['to' => 'ann@example.com'], $req['json']);
    }

    public function testBearerOnlyForExactlyTheAppApiBase(): void
    {
        $client = $this->appClient();
        $client->post('send/email', ['endpoint' => $this->url() . '/v1', 'to' => 'x']);

        $req = $this->single();
        $this->assertSame('/v1send/email', $req['path']);
        $this->assertSame($this->basicAuth(), $req['headers']['authorization']);
    }

    public function testBearerFollowsTheRegionsAppApiUri(): void
    {
        // Without api_url, the EU region's App API base is https://api-eu.customer.io/v1/; the stand-in's
        // URL is then an ordinary base (Basic auth), while it is the App API base of a client with api_url.
        $client = new \Customerio\Client(self::API_KEY, self::SITE_ID, ['region' => 'eu', 'track_url' => $this->url()]);
        $client->setAppAPIKey(self::APP_KEY);
        $client->post('x', ['endpoint' => $this->url() . '/v1/', 'a' => 1]);
        $this->assertSame($this->basicAuth(), $this->single()['headers']['authorization']);
    }

    public function testAppApiEndpointWithoutAppKeyThrowsAndSendsNothing(): void
    {
        $client = $this->client();

        $e = $this->catchThrowable(fn () => $client->post('send/email', ['endpoint' => $client->getRegion()->apiUri()]));
        $this->assertExactClass(\InvalidArgumentException::class, $e);
        $this->assertSame('App API Key not set!', $e->getMessage());
        $this->assertNothingSent();
    }

    public function testQueryArrayMovesToTheUrl(): void
    {
        $query = ['email' => 'ann+1@example.com', 'name' => 'Ann Lee', 'tags' => ['a' => 'x y', 'b' => 2]];
        $this->client()->put('customers/ann', ['query' => $query, 'plan' => 'pro']);

        $req = $this->single();
        $this->assertSame('PUT', $req['method']);
        $this->assertSame('/api/v1/customers/ann', $req['path']);
        $this->assertSame(http_build_query($query, '', '&', PHP_QUERY_RFC3986), $req['query']);
        $this->assertSame('email=ann%2B1%40example.com&name=Ann%20Lee&tags%5Ba%5D=x%20y&tags%5Bb%5D=2', $req['query']);
        $this->assertSame(['plan' => 'pro'], $req['json']);
    }

    public function testQueryStringIsAppendedAsIs(): void
    {
        $this->client()->delete('customers/ann/devices/d1', ['query' => 'id_type=email&x=1', 'k' => 'v']);

        $req = $this->single();
        $this->assertSame('DELETE', $req['method']);
        $this->assertSame('id_type=email&x=1', $req['query']);
        $this->assertSame(['k' => 'v'], $req['json']);
    }

    public function testQueryOnlyLeavesAnEmptyJsonBody(): void
    {
        $this->client()->post('customers/ann', ['query' => ['id_type' => 'email']]);

        $req = $this->single();
        $this->assertSame('id_type=email', $req['query']);
        $this->assertSame([], $req['json']);
        $this->assertSame('application/json', $req['headers']['content-type']);
    }

    public function testEmptyQueryStaysInTheBody(): void
    {
        $this->client()->post('customers/ann', ['query' => [], 'a' => 1]);

        $req = $this->single();
        $this->assertSame('', $req['query']);
        $this->assertSame(['query' => [], 'a' => 1], $req['json']);
    }

    public function testQueryWithEndpointAndBearer(): void
    {
        $client = $this->appClient();
        $client->post('campaigns/3/triggers', [
            'endpoint' => $client->getRegion()->apiUri(),
            'query' => ['dry_run' => 'true'],
            'data' => ['x' => 1],
        ]);

        $req = $this->single();
        $this->assertSame('/v1/campaigns/3/triggers', $req['path']);
        $this->assertSame('dry_run=true', $req['query']);
        $this->assertSame(['data' => ['x' => 1]], $req['json']);
        $this->assertSame('Bearer ' . self::APP_KEY, $req['headers']['authorization']);
    }

    public function testEndpointPathIsPercentEncoded(): void
    {
        $this->client()->put('customers/ann lee@example.com', ['a' => 1]);

        $this->assertSame('/api/v1/customers/ann%20lee@example.com', $this->single()['path']);
    }

    /**
     * One process, one pooled libcurl handle, every request shape in turn: what a call repeats from the one before
     * (URL, method, headers, timeout) is not set again on the handle, so each request must still be exactly its
     * own: a POST after a PUT or a GET is a POST, a URL after a longer one (beyond what is remembered) is its own.
     */
    public function testOneHandleSendsEveryShapeInTurnEachExactlyItsOwn(): void
    {
        $client = $this->appClient();
        $long = 'customers/' . str_repeat('a', 250);
        $calls = [
            [fn() => $client->track->entity(self::entityPayload()), 'POST', '/api/v2/entity', 'basic', true],
            [fn() => $client->track->entity(self::entityPayload()), 'POST', '/api/v2/entity', 'basic', true],
            [fn() => $client->put('customers/ann', ['n' => 1]), 'PUT', '/api/v1/customers/ann', 'basic', true],
            [fn() => $client->track->entity(self::entityPayload()), 'POST', '/api/v2/entity', 'basic', true],
            [fn() => $client->get('customers/ann/attributes'), 'GET', '/v1/customers/ann/attributes', 'bearer', false],
            [fn() => $client->track->entity(self::entityPayload()), 'POST', '/api/v2/entity', 'basic', true],
            [fn() => $client->delete('customers/ann', []), 'DELETE', '/api/v1/customers/ann', 'basic', false],
            [fn() => $client->post($long, ['n' => 2]), 'POST', '/api/v1/' . $long, 'basic', true],
            [fn() => $client->post('customers/bo', ['n' => 3]), 'POST', '/api/v1/customers/bo', 'basic', true],
            [fn() => $client->delete('customers/bo', ['n' => 4]), 'DELETE', '/api/v1/customers/bo', 'basic', true],
            [fn() => $client->track->entity(self::entityPayload()), 'POST', '/api/v2/entity', 'basic', true],
        ];
        foreach ($calls as [$call]) {
            $call();
        }

        $requests = $this->requests();
        $this->assertCount(count($calls), $requests);
        foreach ($calls as $i => [, $method, $path, $auth, $hasBody]) {
            $req = $requests[$i];
            $this->assertSame($method, $req['method'], "request $i");
            $this->assertSame($path, $req['path'], "request $i");
            $this->assertSame($auth === 'bearer' ? 'Bearer ' . self::APP_KEY : $this->basicAuth(),
                $req['headers']['authorization'], "request $i");
            $this->assertSame($hasBody, $req['body'] !== '', "request $i");
        }
        $this->assertSame(self::entityPayload(), $requests[0]['json']);
        $this->assertSame(['n' => 1], $requests[2]['json']);
        $this->assertSame(['n' => 4], $requests[9]['json']);
        $this->assertSame(self::entityPayload(), $requests[10]['json']);
    }

    // ---- get() ----

    public function testGetGoesToTheAppApiWithBearer(): void
    {
        self::server()->respond(200, '{"customers":[]}');

        $result = $this->appClient()->get('customers/ann/attributes');

        $this->assertEquals((object) ['customers' => []], $result);
        $req = $this->single();
        $this->assertSame('GET', $req['method']);
        $this->assertSame('/v1/customers/ann/attributes', $req['path']);
        $this->assertSame('', $req['query']);
        $this->assertSame('', $req['body']);
        $this->assertSame('Bearer ' . self::APP_KEY, $req['headers']['authorization']);
        $this->assertArrayNotHasKey('content-type', $req['headers']);
        $this->assertSame('application/json', $req['headers']['accept']);
    }

    public function testGetPutsEveryParamInTheQuery(): void
    {
        $params = [
            'email' => 'ann@example.com',
            'yes' => true,
            'no' => false,
            'nothing' => null,
            'limit' => 10,
            'a' => ['b' => 'c d', 'e' => [1, 2]],
        ];

        $this->appClient()->get('customers', $params);

        $req = $this->single();
        $this->assertSame('/v1/customers', $req['path']);
        $this->assertSame(http_build_query($params, '', '&', PHP_QUERY_RFC3986), $req['query']);
        $this->assertSame(
            'email=ann%40example.com&yes=1&no=0&limit=10&a%5Bb%5D=c%20d&a%5Be%5D%5B0%5D=1&a%5Be%5D%5B1%5D=2',
            $req['query']
        );
        $this->assertSame('', $req['body']);
    }

    public function testGetRawReturnsTheBodyString(): void
    {
        self::server()->respond(200, "id,email\n1,ann@example.com\n", ['Content-Type' => 'text/csv']);

        $result = $this->appClient()->get('exports/5/download', ['raw' => true]);

        $this->assertSame("id,email\n1,ann@example.com\n", $result);
        $req = $this->single();
        $this->assertSame('/v1/exports/5/download', $req['path']);
        $this->assertSame('raw=1', $req['query']);
    }

    public function testGetRawReturnsJsonUndecoded(): void
    {
        self::server()->respond(200, '{"a": 1}');

        $this->assertSame('{"a": 1}', $this->appClient()->get('x', ['raw' => 'yes']));
    }

    public function testGetRawNullIsNotRaw(): void
    {
        self::server()->respond(200, '{"a":1}');

        $this->assertEquals((object) ['a' => 1], $this->appClient()->get('x', ['raw' => null]));
        $this->assertSame('', $this->single()['query']);
    }

    public function testGetWithoutAppKeyThrowsAndSendsNothing(): void
    {
        $e = $this->catchThrowable(fn () => $this->client()->get('customers'));

        $this->assertExactClass(\InvalidArgumentException::class, $e);
        $this->assertSame('App API Key not set!', $e->getMessage());
        $this->assertNothingSent();
    }

    public function testGetUsesTheRegionsAppApiNotTrack(): void
    {
        $client = new \Customerio\Client(self::API_KEY, self::SITE_ID,
            ['track_url' => self::DEAD_URL, 'api_url' => $this->url()]);
        $client->setAppAPIKey(self::APP_KEY);

        $client->get('segments/1');
        $this->assertSame('/v1/segments/1', $this->single()['path']);
    }

    // ---- headers on every request ----

    public function testCommonHeadersOnEveryRequest(): void
    {
        $client = $this->appClient();
        $client->post('a', ['x' => 1]);
        $client->put('b', []);
        $client->delete('c', ['y' => 2]);
        $client->get('d', ['q' => 1]);
        $client->track->entity(self::entityPayload());

        $requests = $this->requests();
        $this->assertCount(5, $requests);
        foreach ($requests as $req) {
            $this->assertSame('application/json', $req['headers']['accept'] ?? null, $req['path']);
            $this->assertArrayNotHasKey('expect', $req['headers'], $req['path']);
            $this->assertStringStartsWith('customerio-php-ext/', $req['headers']['user-agent'] ?? '', $req['path']);
            $this->assertArrayHasKey('authorization', $req['headers'], $req['path']);
        }
        $this->assertSame(
            ['application/json', null, 'application/json', null, 'application/json'],
            array_map(fn ($r) => $r['headers']['content-type'] ?? null, $requests)
        );
    }

    public function testLargeBodyIsSentWithoutExpectHeader(): void
    {
        $big = ['data' => str_repeat('x', 1_300_000)];
        $this->client()->post('big', $big);

        $req = $this->single();
        $this->assertArrayNotHasKey('expect', $req['headers']);
        $this->assertSame(strlen($req['body']), (int) $req['headers']['content-length']);
        $this->assertSame($big, $req['json']);
    }
}
