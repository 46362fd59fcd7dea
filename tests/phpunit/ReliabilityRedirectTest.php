<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Exception\BadResponseException;

/**
 * Redirects: 301/302/307/308 are followed up to 5 hops with method and body kept; Authorization only to the
 * same host; never from https to http.
 */
final class ReliabilityRedirectTest extends TestCase
{
    public static function redirectStatuses(): array
    {
        return ['301' => [301], '302' => [302], '307' => [307], '308' => [308]];
    }

    /** @dataProvider redirectStatuses */
    #[\PHPUnit\Framework\Attributes\DataProvider('redirectStatuses')]
    public function testRedirectIsFollowedWithMethodBodyAndAuthorization(int $status): void
    {
        self::server()->respond($status, '', ['Location' => $this->url() . '/moved/v2/entity'])
            ->respond(200, '{"ok":"moved"}');
        $op = self::identifyOp();

        $result = $this->client(['retries' => 0])->track->entity($op);

        $this->assertEquals((object) ['ok' => 'moved'], $result);
        [$first, $second] = $this->requests();
        $this->assertCount(2, $this->requests());
        $this->assertSame('/api/v2/entity', $first['path']);
        $this->assertSame('/moved/v2/entity', $second['path']);
        $this->assertSame('POST', $second['method'], "a $status keeps the method");
        $this->assertSame($first['body'], $second['body'], 'and the body');
        $this->assertSame($op, $second['json']);
        $this->assertSame('application/json', $second['headers']['content-type']);
        $this->assertSame($this->basicAuth(), $second['headers']['authorization'], 'same host: auth kept');
    }

    public function testRelativeLocationAndPutAndDeleteKeepTheirMethod(): void
    {
        self::server()->respond(307, '', ['Location' => '/elsewhere/customers/7'])->respond(200, '{}')
            ->respond(308, '', ['Location' => '/elsewhere/customers/8'])->respond(200, '{}');
        $client = $this->client(['retries' => 0]);

        $client->customers->update(['id' => 7, 'email' => 'a@b.c', 'plan' => 'x']);
        $client->customers->delete(['id' => 8]);

        $requests = $this->requests();
        $this->assertSame(['PUT', 'PUT', 'DELETE', 'DELETE'], array_column($requests, 'method'));
        $this->assertSame('/elsewhere/customers/7', $requests[1]['path']);
        $this->assertSame($requests[0]['body'], $requests[1]['body']);
        $this->assertSame('/elsewhere/customers/8', $requests[3]['path']);
    }

    public function testFiveHopsAreFollowed(): void
    {
        for ($i = 1; $i <= 5; $i++) {
            self::server()->respond(301 + ($i % 2), '', ['Location' => $this->url() . "/hop$i"]);
        }
        self::server()->respond(200, '{"hops":5}');

        $result = $this->client(['retries' => 0])->track->batch(['batch' => [self::identifyOp()]]);

        $this->assertEquals((object) ['hops' => 5], $result);
        $requests = $this->requests();
        $this->assertSame(['/api/v2/batch', '/hop1', '/hop2', '/hop3', '/hop4', '/hop5'], array_column($requests, 'path'));
        foreach ($requests as $r) {
            $this->assertSame('POST', $r['method']);
            $this->assertSame($requests[0]['body'], $r['body']);
        }
    }

    public function testTheSixthRedirectIsNotFollowed(): void
    {
        for ($i = 1; $i <= 6; $i++) {
            self::server()->respond(301, '', ['Location' => $this->url() . "/hop$i"]);
        }
        self::server()->respond(200, '{"never":true}');

        $e = $this->catchThrowable(fn () => $this->client(['retries' => 2])->track->entity(self::identifyOp()));

        $this->assertExactClass(BadResponseException::class, $e);
        $this->assertSame(301, $e->getCode());
        $this->assertSame(301, $e->getStatusCode());
        $this->assertStringStartsWith('Unsuccessful request: `POST ' . $this->url() . '/hop5` resulted in a `301 Moved Permanently` response',
            $e->getMessage());
        $this->assertCount(6, $this->requests(), 'the original request and 5 hops; a 3xx is not retried');
    }

    public function testAuthorizationIsDroppedForAnotherHost(): void
    {
        $port = parse_url($this->url(), PHP_URL_PORT);
        self::server()->respond(302, '', ['Location' => "http://localhost:$port/other-host"])
            ->respond(307, '', ['Location' => "http://127.0.0.1:$port/back-again"])
            ->respond(200, '{"ok":1}');

        $result = $this->client(['retries' => 0])->track->entity(self::identifyOp());

        $this->assertEquals((object) ['ok' => 1], $result);
        $requests = $this->requests();
        $this->assertSame(['/api/v2/entity', '/other-host', '/back-again'], array_column($requests, 'path'));
        $this->assertSame($this->basicAuth(), $requests[0]['headers']['authorization']);
        $this->assertArrayNotHasKey('authorization', $requests[1]['headers'], 'no credentials for another host');
        $this->assertArrayNotHasKey('authorization', $requests[2]['headers'], 'nor after coming back');
        $this->assertSame($requests[0]['body'], $requests[1]['body']);
    }

    public function testBearerIsDroppedForAnotherHostToo(): void
    {
        $port = parse_url($this->url(), PHP_URL_PORT);
        self::server()->respond(301, '', ['Location' => "http://localhost:$port/v1/customers"])
            ->respond(200, '{"customers":[]}');

        $this->appClient(['retries' => 0])->get('customers', ['email' => 'a@b.c']);

        [$first, $second] = $this->requests();
        $this->assertSame('Bearer ' . self::APP_KEY, $first['headers']['authorization']);
        $this->assertSame('GET', $second['method']);
        $this->assertArrayNotHasKey('authorization', $second['headers']);
    }

    public function testARedirectWithoutLocationIsAnError(): void
    {
        self::server()->respond(302, '{"where":"nowhere"}');

        $e = $this->catchThrowable(fn () => $this->client(['retries' => 0])->track->entity(self::identifyOp()));

        $this->assertExactClass(BadResponseException::class, $e);
        $this->assertSame(302, $e->getCode());
        $this->assertCount(1, $this->requests());
    }

    public function testHttpsToHttpIsNeverFollowed(): void
    {
        $tls = self::faultServer(true);
        $tls->respond(301, '', ['Location' => $this->url() . '/downgraded']);
        $client = $this->clientAt($tls->url(), ['retries' => 0, 'verify' => false]);

        $e = $this->catchThrowable(fn () => $client->track->entity(self::identifyOp()));

        $this->assertExactClass(BadResponseException::class, $e);
        $this->assertSame(301, $e->getCode());
        $this->assertCount(1, $tls->requests());
        $this->assertNothingSent();
    }

    public function testHttpsToHttpsIsFollowed(): void
    {
        $tls = self::faultServer(true);
        $tls->respond(308, '', ['Location' => $tls->url() . '/secure-elsewhere'])->respond(200, '{"tls":true}');
        $client = $this->clientAt($tls->url(), ['retries' => 0, 'verify' => false]);

        $this->assertEquals((object) ['tls' => true], $client->track->entity(self::identifyOp()));

        $requests = $tls->requests();
        $this->assertSame(['/api/v2/entity', '/secure-elsewhere'], array_column($requests, 'path'));
        $this->assertSame($this->basicAuth(), $requests[1]['headers']['authorization']);
        $this->assertSame($requests[0]['body'], $requests[1]['body']);
    }

    public function testARedirectTargetThatFailsIsRetried(): void
    {
        self::server()->respond(307, '', ['Location' => $this->url() . '/moved'])->respond(503)->respond(200, '{"ok":2}');

        $result = $this->client(['retries' => 1])->track->entity(self::identifyOp());

        $this->assertEquals((object) ['ok' => 2], $result);
        $requests = $this->requests();
        $this->assertCount(3, $requests);
        $this->assertSame('/moved', $requests[1]['path']);
        $this->assertSame('1', $requests[2]['headers']['x-retry-count'] ?? null);
        $this->assertSame($requests[0]['body'], $requests[2]['body']);
    }
}
