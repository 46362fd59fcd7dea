<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Client;
use Customerio\Endpoint\Base;
use Customerio\Endpoint\Track;
use Customerio\Exception\ConnectException;
use Customerio\Exception\InvalidArgumentException;
use Customerio\Region;
use Customerio\Region\InvalidRegionException;
use Customerio\Region\RegionEu;
use Customerio\Region\RegionInterface;
use Customerio\Region\RegionUs;

/** Constructor options, ini settings and their precedence, accessors, regions. */
final class ClientConfigTest extends TestCase
{
    // ---- endpoints ----

    public function testTrackPropertyAndGetterAreTheSameTrackEndpoint(): void
    {
        $client = new Client(self::API_KEY, self::SITE_ID);

        $this->assertInstanceOf(Track::class, $client->track);
        $this->assertInstanceOf(Base::class, $client->track);
        $this->assertInstanceOf(\Customerio\Track::class, $client->track);
        $this->assertSame($client->track, $client->track());
    }

    public function testTrackAliasNamesTheEndpointClass(): void
    {
        $this->assertTrue(class_exists('Customerio\Track'));
        $this->assertSame(Track::class, (new \ReflectionClass('Customerio\Track'))->getName());
        $this->assertSame(Base::class, get_parent_class(Track::class));
    }

    public function testEachClientHasItsOwnTrackEndpoint(): void
    {
        $a = $this->client();
        $b = new Client('other-key', 'other-site', $this->serverOptions());

        $this->assertNotSame($a->track, $b->track);
        $b->track->entity(self::entityPayload());
        $this->assertSame($this->basicAuth('other-site', 'other-key'), $this->single()['headers']['authorization']);
    }

    public function testGeneratePathJoinsPrefixIdAndExtras(): void
    {
        $track = $this->client()->track;

        $this->assertSame('customers', $track->generatePath('customers'));
        $this->assertSame('customers/42', $track->generatePath('customers', 42));
        $this->assertSame('customers/ann/devices/d1', $track->generatePath('customers', 'ann', ['devices', 'd1']));
        $this->assertSame('customers/attributes', $track->generatePath('customers', null, ['attributes']));
        $this->assertSame('customers', $track->generatePath('customers', 0));
    }

    // ---- credentials ----

    public function testGetAuthReturnsSiteIdThenApiKey(): void
    {
        $client = new Client('the-api-key', 'the-site-id');

        $this->assertSame(['the-site-id', 'the-api-key'], $client->getAuth());
    }

    public function testSetSiteIdChangesAuthAndBasicHeader(): void
    {
        $client = $this->client();
        $client->setSiteId('site-new');

        $this->assertSame(['site-new', self::API_KEY], $client->getAuth());
        $client->post('customers/1', ['email' => 'a@b.c']);
        $this->assertSame($this->basicAuth('site-new'), $this->single()['headers']['authorization']);
    }

    public function testGetTokenWithoutAppKeyThrowsSplInvalidArgumentException(): void
    {
        $e = $this->catchThrowable(fn () => $this->client()->getToken());

        $this->assertExactClass(\InvalidArgumentException::class, $e);
        $this->assertSame('App API Key not set!', $e->getMessage());
    }

    public function testGetTokenWithEmptyAppKeyThrows(): void
    {
        $client = $this->client();
        $client->setAppAPIKey('');

        $this->expectException(\InvalidArgumentException::class);
        $this->expectExceptionMessage('App API Key not set!');
        $client->getToken();
    }

    public function testSetAppApiKeyMakesGetTokenReturnIt(): void
    {
        $client = $this->client();
        $client->setAppAPIKey('first');
        $client->setAppAPIKey(self::APP_KEY);

        $this->assertSame(self::APP_KEY, $client->getToken());
    }

    // ---- regions ----

    public function testDefaultRegionIsUs(): void
    {
        $region = (new Client(self::API_KEY, self::SITE_ID))->getRegion();

        $this->assertInstanceOf(RegionUs::class, $region);
        $this->assertInstanceOf(RegionInterface::class, $region);
        $this->assertSame('https://track.customer.io/api/v1/', $region->trackUri());
        $this->assertSame('https://track.customer.io/api/v2/', $region->trackUri('v2'));
        $this->assertSame('https://api.customer.io/v1/', $region->apiUri());
    }

    public function testRegionOptionEu(): void
    {
        $region = (new Client(self::API_KEY, self::SITE_ID, ['region' => 'eu']))->getRegion();

        $this->assertInstanceOf(RegionEu::class, $region);
        $this->assertSame('https://track-eu.customer.io/api/v1/', $region->trackUri());
        $this->assertSame('https://track-eu.customer.io/api/v2/', $region->trackUri('v2'));
        $this->assertSame('https://api-eu.customer.io/v1/', $region->apiUri());
    }

    public function testRegionOptionUs(): void
    {
        $region = (new Client(self::API_KEY, self::SITE_ID, ['region' => 'us']))->getRegion();

        $this->assertInstanceOf(RegionUs::class, $region);
        $this->assertSame('https://api.customer.io/v1/', $region->apiUri());
    }

    /** @dataProvider invalidRegions */
    #[\PHPUnit\Framework\Attributes\DataProvider('invalidRegions')]
    public function testUnknownRegionOptionThrows(string $region): void
    {
        $this->expectException(InvalidRegionException::class);
        $this->expectExceptionMessage("Unknown region: $region");
        new Client(self::API_KEY, self::SITE_ID, ['region' => $region]);
    }

    public static function invalidRegions(): array
    {
        return [['xx'], ['US'], ['eu '], ['']];
    }

    public function testInvalidRegionExceptionIsAnInvalidArgumentException(): void
    {
        $e = $this->catchThrowable(fn () => Region::factory('xx'));

        $this->assertExactClass(InvalidRegionException::class, $e);
        $this->assertInstanceOf(\InvalidArgumentException::class, $e);
        $this->assertSame('Unknown region: xx', $e->getMessage());
    }

    public function testSetRegionSwitchesRegion(): void
    {
        $client = new Client(self::API_KEY, self::SITE_ID);
        $client->setRegion('eu');
        $this->assertInstanceOf(RegionEu::class, $client->getRegion());
        $this->assertSame('https://api-eu.customer.io/v1/', $client->getRegion()->apiUri());

        $client->setRegion('us');
        $this->assertInstanceOf(RegionUs::class, $client->getRegion());
        $this->assertSame('https://track.customer.io/api/v2/', $client->getRegion()->trackUri('v2'));
    }

    public function testSetRegionRejectsUnknownRegionAndKeepsTheOldOne(): void
    {
        $client = new Client(self::API_KEY, self::SITE_ID, ['region' => 'eu']);

        $e = $this->catchThrowable(fn () => $client->setRegion('mars'));
        $this->assertExactClass(InvalidRegionException::class, $e);
        $this->assertSame('Unknown region: mars', $e->getMessage());
        $this->assertInstanceOf(RegionEu::class, $client->getRegion());
    }

    public function testRegionFactory(): void
    {
        $us = Region::factory('us');
        $eu = Region::factory('eu');

        $this->assertInstanceOf(RegionUs::class, $us);
        $this->assertInstanceOf(RegionEu::class, $eu);
        $this->assertSame('https://track.customer.io/api/v1/', $us->trackUri());
        $this->assertSame('https://track.customer.io/api/beta/', $us->trackUri('beta'));
        $this->assertSame('https://api.customer.io/v1/', $us->apiUri());
        $this->assertSame('https://track-eu.customer.io/api/v1/', $eu->trackUri('v1'));
        $this->assertSame('https://track-eu.customer.io/api/v2/', $eu->trackUri('v2'));
        $this->assertSame('https://api-eu.customer.io/v1/', $eu->apiUri());
    }

    public function testRegionReturnsOverriddenBases(): void
    {
        $client = new Client(self::API_KEY, self::SITE_ID,
            ['track_url' => 'http://track.test:8080', 'api_url' => 'https://api.test']);
        $region = $client->getRegion();

        $this->assertSame('http://track.test:8080/api/v1/', $region->trackUri());
        $this->assertSame('http://track.test:8080/api/v2/', $region->trackUri('v2'));
        $this->assertSame('https://api.test/v1/', $region->apiUri());
    }

    public function testOnlyTheOverriddenBaseChanges(): void
    {
        $client = new Client(self::API_KEY, self::SITE_ID, ['region' => 'eu', 'track_url' => 'http://track.test']);

        $this->assertSame('http://track.test/api/v2/', $client->getRegion()->trackUri('v2'));
        $this->assertSame('https://api-eu.customer.io/v1/', $client->getRegion()->apiUri());
    }

    public function testSetRegionKeepsOverriddenBases(): void
    {
        $client = $this->client();
        $client->setRegion('eu');

        $this->assertInstanceOf(RegionEu::class, $client->getRegion());
        $this->assertSame($this->url() . '/api/v1/', $client->getRegion()->trackUri());
        $this->assertSame($this->url() . '/v1/', $client->getRegion()->apiUri());
        $client->post('customers/1', ['a' => 1]);
        $this->assertSame('/api/v1/customers/1', $this->single()['path']);
    }

    // ---- track_url / api_url ----

    public function testTrailingSlashesAreStripped(): void
    {
        $client = new Client(self::API_KEY, self::SITE_ID,
            ['track_url' => $this->url() . '/', 'api_url' => $this->url() . '//']);

        $this->assertSame($this->url() . '/api/v1/', $client->getRegion()->trackUri());
        $this->assertSame($this->url() . '/v1/', $client->getRegion()->apiUri());
        $client->post('events', ['name' => 'x']);
        $this->assertSame('/api/v1/events', $this->single()['path']);
    }

    /** @dataProvider invalidUrls */
    #[\PHPUnit\Framework\Attributes\DataProvider('invalidUrls')]
    public function testInvalidTrackUrlThrows(string $url): void
    {
        $e = $this->catchThrowable(fn () => new Client(self::API_KEY, self::SITE_ID, ['track_url' => $url]));

        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertStringContainsString('track_url', $e->getMessage());
    }

    /** @dataProvider invalidUrls */
    #[\PHPUnit\Framework\Attributes\DataProvider('invalidUrls')]
    public function testInvalidApiUrlThrows(string $url): void
    {
        $e = $this->catchThrowable(fn () => new Client(self::API_KEY, self::SITE_ID, ['api_url' => $url]));

        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertStringContainsString('api_url', $e->getMessage());
    }

    public static function invalidUrls(): array
    {
        return [
            'empty' => [''],
            'no scheme' => ['track.customer.io'],
            'ftp' => ['ftp://track.customer.io'],
            'scheme only' => ['https://'],
            'scheme and slash' => ['http:///'],
            'space' => ['http://local host'],
            'query' => ['http://host?x=1'],
            'fragment' => ['http://host#frag'],
            'newline' => ["http://host\r\nX-Injected: 1"],
        ];
    }

    public function testHttpsUrlsAreAccepted(): void
    {
        $client = new Client(self::API_KEY, self::SITE_ID,
            ['track_url' => 'HTTPS://track.example.com:8443', 'api_url' => 'https://api.example.com']);

        $this->assertSame('https://api.example.com/v1/', $client->getRegion()->apiUri());
        $this->assertStringEndsWith('track.example.com:8443/api/v1/', $client->getRegion()->trackUri());
    }

    // ---- option validation ----

    public function testUnknownOptionThrowsNamingTheKey(): void
    {
        $e = $this->catchThrowable(fn () => new Client(self::API_KEY, self::SITE_ID, ['timeuot' => 3]));

        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertInstanceOf(\InvalidArgumentException::class, $e);
        $this->assertInstanceOf(\Customerio\Exception\CustomerioException::class, $e);
        $this->assertStringContainsString('timeuot', $e->getMessage());
    }

    public function testUnknownOptionIsRejectedEvenNextToValidOnes(): void
    {
        $e = $this->catchThrowable(fn () => new Client(self::API_KEY, self::SITE_ID,
            ['region' => 'eu', 'base_uri' => 'http://x', 'timeout' => 1]));

        $this->assertInstanceOf(InvalidArgumentException::class, $e);
        $this->assertStringContainsString('base_uri', $e->getMessage());
    }

    /** @dataProvider secondsOptions */
    #[\PHPUnit\Framework\Attributes\DataProvider('secondsOptions')]
    public function testSecondsOptionsAcceptIntAndFloat(string $option): void
    {
        $client = $this->client([$option => 3]);
        $client->post('a', ['x' => 1]);
        $client = $this->client([$option => 2.5]);
        $client->post('b', ['x' => 1]);

        $this->assertCount(2, $this->requests());
    }

    /**
     * @dataProvider wrongTypeSeconds
     * @param mixed $value
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('wrongTypeSeconds')]
    public function testSecondsOptionsOfWrongTypeThrowTypeError(string $option, $value): void
    {
        $e = $this->catchThrowable(fn () => new Client(self::API_KEY, self::SITE_ID, [$option => $value]));

        $this->assertInstanceOf(\TypeError::class, $e);
        $this->assertStringContainsString($option, $e->getMessage());
    }

    public static function wrongTypeSeconds(): array
    {
        $cases = [];
        foreach (['timeout', 'connect_timeout'] as $option) {
            $cases["$option string"] = [$option, 'abc'];
            $cases["$option numeric string"] = [$option, '5'];
            $cases["$option null"] = [$option, null];
            $cases["$option bool"] = [$option, true];
            $cases["$option array"] = [$option, [5]];
        }
        return $cases;
    }

    /** @dataProvider secondsOptions */
    #[\PHPUnit\Framework\Attributes\DataProvider('secondsOptions')]
    public function testNegativeSecondsThrowInvalidArgument(string $option): void
    {
        foreach ([-1, -0.5] as $value) {
            $e = $this->catchThrowable(fn () => new Client(self::API_KEY, self::SITE_ID, [$option => $value]));
            $this->assertExactClass(InvalidArgumentException::class, $e);
            $this->assertStringContainsString($option, $e->getMessage());
        }
    }

    public static function secondsOptions(): array
    {
        return ['timeout' => ['timeout'], 'connect_timeout' => ['connect_timeout']];
    }

    public function testVerifyAcceptsBoolAndPath(): void
    {
        $this->client(['verify' => true])->post('a', ['x' => 1]);
        $this->client(['verify' => false])->post('b', ['x' => 1]);
        $this->client(['verify' => __FILE__])->post('c', ['x' => 1]);

        $this->assertSame(['/api/v1/a', '/api/v1/b', '/api/v1/c'], array_column($this->requests(), 'path'));
    }

    // ---- TLS verification (observable through libcurl's error on an https:// URL the stand-in cannot serve) ----

    private function httpsUrl(): string
    {
        return str_replace('http://', 'https://', $this->url());
    }

    public function testVerifyWithMissingCaFileFailsOnTheCaFile(): void
    {
        $client = new Client(self::API_KEY, self::SITE_ID,
            ['track_url' => $this->httpsUrl(), 'verify' => '/nonexistent/cio-ca.pem']);

        $e = $this->catchThrowable(fn () => $client->post('x', ['a' => 1]));
        $this->assertExactClass(ConnectException::class, $e);
        $this->assertStringStartsWith('cURL error 77: ', $e->getMessage());
        $this->assertStringContainsString('/nonexistent/cio-ca.pem', $e->getMessage());
    }

    public function testVerifyFalseIgnoresTheCaFile(): void
    {
        ini_set('customerio.cainfo', '/nonexistent/cio-ca.pem');
        $client = new Client(self::API_KEY, self::SITE_ID, ['track_url' => $this->httpsUrl(), 'verify' => false]);

        $e = $this->catchThrowable(fn () => $client->post('x', ['a' => 1]));
        $this->assertExactClass(ConnectException::class, $e);
        $this->assertStringStartsNotWith('cURL error 77: ', $e->getMessage());
        $this->assertStringNotContainsString('cio-ca.pem', $e->getMessage());
    }

    // ---- ini settings: options over ini over defaults ----

    public function testIniTrackUrlIsUsedWithoutOption(): void
    {
        ini_set('customerio.track_url', $this->url() . '/');
        $client = new Client(self::API_KEY, self::SITE_ID);

        $this->assertSame($this->url() . '/api/v1/', $client->getRegion()->trackUri());
        $client->post('customers/5', ['email' => 'x@y.z']);
        $this->assertSame('/api/v1/customers/5', $this->single()['path']);
    }

    public function testIniApiUrlIsUsedWithoutOption(): void
    {
        ini_set('customerio.api_url', $this->url());
        $client = new Client(self::API_KEY, self::SITE_ID);
        $client->setAppAPIKey(self::APP_KEY);

        $this->assertSame($this->url() . '/v1/', $client->getRegion()->apiUri());
        $this->assertSame('https://track.customer.io/api/v1/', $client->getRegion()->trackUri());
        $client->get('customers/5/attributes');
        $this->assertSame('/v1/customers/5/attributes', $this->single()['path']);
    }

    public function testOptionsOverrideIniUrls(): void
    {
        ini_set('customerio.track_url', self::DEAD_URL);
        ini_set('customerio.api_url', self::DEAD_URL);
        $client = $this->appClient();

        $this->assertSame($this->url() . '/api/v2/', $client->getRegion()->trackUri('v2'));
        $client->post('events', ['name' => 'a']);
        $client->get('segments');
        $this->assertSame(['/api/v1/events', '/v1/segments'], array_column($this->requests(), 'path'));
    }

    public function testIniIsReadWhenTheClientIsConstructed(): void
    {
        ini_set('customerio.track_url', $this->url());
        $client = new Client(self::API_KEY, self::SITE_ID);
        ini_set('customerio.track_url', self::DEAD_URL);

        $client->post('events', ['name' => 'a']);
        $this->assertSame('/api/v1/events', $this->single()['path']);
        $this->assertSame(self::DEAD_URL . '/api/v1/', (new Client(self::API_KEY, self::SITE_ID))->getRegion()->trackUri());
    }

    public function testDefaultsWithoutIniOrOptions(): void
    {
        $this->assertSame('', (string) ini_get('customerio.track_url'));
        $region = (new Client(self::API_KEY, self::SITE_ID))->getRegion();

        $this->assertSame('https://track.customer.io/api/v1/', $region->trackUri());
        $this->assertSame('https://api.customer.io/v1/', $region->apiUri());
    }

    public function testInvalidIniTrackUrlThrowsAtConstruction(): void
    {
        ini_set('customerio.track_url', 'ftp://nope');

        $e = $this->catchThrowable(fn () => new Client(self::API_KEY, self::SITE_ID));
        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertStringContainsString('customerio.track_url', $e->getMessage());
    }

    public function testNegativeIniConnectTimeoutIsRefusedByTheIni(): void
    {
        $this->assertFalse(@ini_set('customerio.connect_timeout', '-1'));
        $this->assertSame('2', ini_get('customerio.connect_timeout'), 'the setting keeps its value');
        $this->assertInstanceOf(Client::class, new Client(self::API_KEY, self::SITE_ID));
    }

    public function testIniTimeoutApplies(): void
    {
        ini_set('customerio.timeout', '0.4');
        $client = $this->client();
        self::server()->respond(200, '{}', [], 1200);

        $start = microtime(true);
        $e = $this->catchThrowable(fn () => $client->post('slow', ['a' => 1]));
        $elapsed = microtime(true) - $start;

        $this->assertExactClass(ConnectException::class, $e);
        $this->assertStringStartsWith('cURL error 28: ', $e->getMessage());
        $this->assertGreaterThan(0.3, $elapsed);
        $this->assertLessThan(1.5, $elapsed);
    }

    public function testTimeoutOptionOverridesIni(): void
    {
        ini_set('customerio.timeout', '0.2');
        $client = $this->client(['timeout' => 5]);
        self::server()->respond(200, '{"ok":true}', [], 600);

        $this->assertEquals((object) ['ok' => true], $client->post('slow', ['a' => 1]));
    }

    public function testIniCainfoIsUsed(): void
    {
        ini_set('customerio.cainfo', '/nonexistent/ini-ca.pem');
        $client = new Client(self::API_KEY, self::SITE_ID, ['track_url' => $this->httpsUrl()]);

        $e = $this->catchThrowable(fn () => $client->post('x', ['a' => 1]));
        $this->assertStringStartsWith('cURL error 77: ', $e->getMessage());
        $this->assertStringContainsString('/nonexistent/ini-ca.pem', $e->getMessage());
    }

    public function testVerifyPathOptionOverridesIniCainfo(): void
    {
        ini_set('customerio.cainfo', '/nonexistent/ini-ca.pem');
        $client = new Client(self::API_KEY, self::SITE_ID,
            ['track_url' => $this->httpsUrl(), 'verify' => '/nonexistent/option-ca.pem']);

        $e = $this->catchThrowable(fn () => $client->post('x', ['a' => 1]));
        $this->assertStringContainsString('/nonexistent/option-ca.pem', $e->getMessage());
        $this->assertStringNotContainsString('ini-ca.pem', $e->getMessage());
    }
}
