<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Client;
use Customerio\Endpoint\Track;
use Customerio\Region;
use Customerio\Region\RegionInterface;

/**
 * PHPUnit test doubles of Client, user subclasses, and clients whose constructor never ran. The doubles are made
 * the way SDK users make them, mostly without expectations, which PHPUnit 12+ would report as notices.
 */
#[\PHPUnit\Framework\Attributes\AllowMockObjectsWithoutExpectations]
final class MockTest extends TestCase
{
    private static function entity(): array
    {
        return [
            'type' => 'person',
            'identifiers' => ['id' => '12345'],
            'action' => 'event',
            'name' => 'test new event',
        ];
    }

    /** printu/customerio's own TrackTest, verbatim in spirit. */
    public function testSdkStyleStubEntity(): void
    {
        $stub = $this->getMockBuilder(Client::class)->disableOriginalConstructor()->getMock();
        $stub->method('post')->willReturn('foo');
        $track = new Track($stub);

        $this->assertEquals('foo', $track->entity(self::entity()));
        $this->assertNothingSent();
    }

    public function testSdkStyleStubBatch(): void
    {
        $stub = $this->getMockBuilder('Customerio\Client')->disableOriginalConstructor()->getMock();
        $stub->method('post')->willReturn('foo');
        $track = new \Customerio\Track($stub);

        $this->assertEquals('foo', $track->batch(['batch' => [self::entity(), self::entity()]]));
        $this->assertNothingSent();
    }

    public function testEntityCallsPostWithPathAndOptionsPlusEndpoint(): void
    {
        $mock = $this->getMockBuilder(Client::class)->disableOriginalConstructor()->getMock();
        $mock->method('getRegion')->willReturn(Region::factory('eu'));
        $mock->expects($this->once())
            ->method('post')
            ->with('entity', self::entity() + ['endpoint' => 'https://track-eu.customer.io/api/v2/'])
            ->willReturn(['ok' => true]);

        $this->assertSame(['ok' => true], (new Track($mock))->entity(self::entity()));
    }

    public function testBatchCallsPostWithPathAndOptionsPlusEndpoint(): void
    {
        $batch = ['batch' => [self::entity()]];
        $mock = $this->getMockBuilder(Client::class)->disableOriginalConstructor()->getMock();
        $mock->method('getRegion')->willReturn(Region::factory('us'));
        $mock->expects($this->once())
            ->method('post')
            ->with('batch', $batch + ['endpoint' => 'https://track.customer.io/api/v2/'])
            ->willReturn('foo');

        $this->assertSame('foo', (new Track($mock))->batch($batch));
    }

    public function testEndpointIsWhateverTheMockedRegionReturnsForV2(): void
    {
        $region = $this->createMock(RegionInterface::class);
        $region->expects($this->once())->method('trackUri')->with('v2')->willReturn('https://mocked.test/v2/');
        $mock = $this->createMock(Client::class);
        $mock->expects($this->once())->method('getRegion')->willReturn($region);
        $mock->expects($this->once())
            ->method('post')
            ->with('entity', self::entity() + ['endpoint' => 'https://mocked.test/v2/'])
            ->willReturn(7);

        $this->assertSame(7, (new Track($mock))->entity(self::entity()));
    }

    public function testDefaultMockRegionGivesEmptyEndpoint(): void
    {
        // Without configuration PHPUnit's double returns a RegionInterface double, whose trackUri() returns ''.
        $mock = $this->getMockBuilder(Client::class)->disableOriginalConstructor()->getMock();
        $captured = null;
        $mock->method('post')->willReturnCallback(function (string $path, array $json) use (&$captured) {
            $captured = [$path, $json];
            return 'foo';
        });

        $this->assertSame('foo', (new Track($mock))->batch(['batch' => []]));
        $this->assertSame(['batch', ['batch' => [], 'endpoint' => '']], $captured);
    }

    public function testEndpointOverwritesAnEndpointKeyOfTheCaller(): void
    {
        $mock = $this->createMock(Client::class);
        $mock->method('getRegion')->willReturn(Region::factory('us'));
        $mock->expects($this->once())->method('post')
            ->with('entity', $this->callback(fn (array $o) => $o['endpoint'] === 'https://track.customer.io/api/v2/'));

        (new Track($mock))->entity(self::entity() + ['endpoint' => 'http://evil.test/']);
    }

    public function testValidationFailsBeforeTheMockIsUsed(): void
    {
        $mock = $this->createMock(Client::class);
        $mock->expects($this->never())->method('post');
        $mock->expects($this->never())->method('getRegion');

        $e = $this->catchThrowable(fn () => (new Track($mock))->entity(['type' => 'person']));
        $this->assertSame('An event action is required!', $e->getMessage());
        $this->assertExactClass(\Customerio\Exception\RequestException::class, $e);
    }

    public function testExceptionFromMockedPostPropagates(): void
    {
        $mock = $this->createMock(Client::class);
        $mock->method('post')->willThrowException(new \RuntimeException('from the mock'));

        $e = $this->catchThrowable(fn () => (new Track($mock))->entity(self::entity()));
        $this->assertSame('from the mock', $e->getMessage());
    }

    public function testAnyObjectWithTheRightMethodsCanBeTheClient(): void
    {
        $fake = new class {
            public array $calls = [];

            public function getRegion(): RegionInterface
            {
                return Region::factory('eu');
            }

            public function post(string $path, array $json)
            {
                $this->calls[] = [$path, $json];
                return 'sent';
            }
        };

        $this->assertSame('sent', (new Track($fake))->batch(['batch' => [1]]));
        $this->assertSame([['batch', ['batch' => [1], 'endpoint' => 'https://track-eu.customer.io/api/v2/']]],
            $fake->calls);
    }

    public function testClientSubclassOverridesAreHonoured(): void
    {
        $client = new class (self::API_KEY, self::SITE_ID, $this->serverOptions()) extends Client {
            public array $seen = [];

            public function post(string $endpoint, array $json)
            {
                $this->seen[] = $endpoint;
                $json['added_by_subclass'] = true;
                return parent::post($endpoint, $json);
            }
        };

        $client->track->entity(self::entityPayload());

        $this->assertSame(['entity'], $client->seen);
        $req = $this->single();
        $this->assertSame('/api/v2/entity', $req['path']);
        $this->assertTrue($req['json']['added_by_subclass']);
        $this->assertArrayNotHasKey('endpoint', $req['json']);
    }

    public function testPartialMockKeepsRealMethods(): void
    {
        $client = $this->getMockBuilder(Client::class)
            ->setConstructorArgs([self::API_KEY, self::SITE_ID, $this->serverOptions()])
            ->onlyMethods(['getRegion'])
            ->getMock();
        $client->method('getRegion')->willReturn(Region::factory('eu'));

        // getRegion() is mocked; post() is real and sends to the configured base.
        $client->post('events', ['name' => 'x']);
        $this->assertSame('/api/v1/events', $this->single()['path']);
        $this->assertSame('https://track-eu.customer.io/api/v2/', $client->getRegion()->trackUri('v2'));
    }

    // ---- clients whose constructor never ran ----

    /**
     * @dataProvider stateMethods
     * @param callable(Client): mixed $call
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('stateMethods')]
    public function testUninitializedClientThrowsError(callable $call): void
    {
        $client = (new \ReflectionClass(Client::class))->newInstanceWithoutConstructor();

        $e = $this->catchThrowable(fn () => $call($client));

        $this->assertInstanceOf(\Error::class, $e);
        $this->assertStringContainsString('not initialized', $e->getMessage());
        $this->assertNothingSent();
    }

    public static function stateMethods(): array
    {
        return [
            'get' => [fn (Client $c) => $c->get('customers')],
            'post' => [fn (Client $c) => $c->post('events', ['a' => 1])],
            'put' => [fn (Client $c) => $c->put('customers/1', ['a' => 1])],
            'delete' => [fn (Client $c) => $c->delete('customers/1', [])],
            'getRegion' => [fn (Client $c) => $c->getRegion()],
            'getAuth' => [fn (Client $c) => $c->getAuth()],
            'setRegion' => [fn (Client $c) => $c->setRegion('eu')],
            'track endpoint on it' => [fn (Client $c) => (new Track($c))->entity(self::entityPayload())],
        ];
    }

    public function testPartialMockWithoutConstructorThrowsErrorFromRealMethods(): void
    {
        $mock = $this->getMockBuilder(Client::class)->disableOriginalConstructor()->onlyMethods(['post'])->getMock();

        $e = $this->catchThrowable(fn () => $mock->getRegion());
        $this->assertInstanceOf(\Error::class, $e);
        $this->assertStringContainsString('not initialized', $e->getMessage());

        $e = $this->catchThrowable(fn () => (new Track($mock))->entity(self::entity()));
        $this->assertInstanceOf(\Error::class, $e);
        $this->assertStringContainsString('not initialized', $e->getMessage());
    }

    public function testSubclassSkippingParentConstructorThrowsError(): void
    {
        $client = new class extends Client {
            public function __construct()
            {
            }
        };

        $e = $this->catchThrowable(fn () => $client->post('events', ['a' => 1]));
        $this->assertInstanceOf(\Error::class, $e);
        $this->assertStringContainsString('not initialized', $e->getMessage());
        $this->assertNothingSent();
    }
}
