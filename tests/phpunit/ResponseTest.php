<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

/** What successful calls return: the body decoded as stdClass, or arrays, or null. */
final class ResponseTest extends TestCase
{
    private const BODY = '{"customer":{"id":"ann","attributes":{"plan":"pro","n":2}},"list":[1,{"a":true}],"empty":{}}';

    public function testDecodedAsObjectsByDefault(): void
    {
        self::server()->respond(200, self::BODY);

        $result = $this->client()->post('customers/ann', ['a' => 1]);

        $this->assertInstanceOf(\stdClass::class, $result);
        $this->assertInstanceOf(\stdClass::class, $result->customer);
        $this->assertSame('pro', $result->customer->attributes->plan);
        $this->assertInstanceOf(\stdClass::class, $result->list[1]);
        $this->assertEquals(json_decode(self::BODY), $result);
    }

    public function testDecodedAsArraysAfterSetAssocResponse(): void
    {
        $client = $this->client();
        $client->setAssocResponse(true);
        self::server()->respond(200, self::BODY);

        $this->assertSame(json_decode(self::BODY, true), $client->put('customers/ann', ['a' => 1]));
    }

    public function testSetAssocResponseCanBeTurnedOff(): void
    {
        $client = $this->appClient();
        $client->setAssocResponse(true);
        $client->setAssocResponse(false);
        self::server()->respond(200, self::BODY);

        $result = $client->get('customers/ann');
        $this->assertInstanceOf(\stdClass::class, $result);
        $this->assertEquals(json_decode(self::BODY), $result);
    }

    public function testAssocAppliesToEveryVerb(): void
    {
        $client = $this->appClient();
        $client->setAssocResponse(true);
        foreach (range(1, 5) as $i) {
            self::server()->respond(200, "{\"n\":$i}");
        }

        $this->assertSame(['n' => 1], $client->post('a', ['x' => 1]));
        $this->assertSame(['n' => 2], $client->put('a', ['x' => 1]));
        $this->assertSame(['n' => 3], $client->delete('a', ['x' => 1]));
        $this->assertSame(['n' => 4], $client->get('a'));
        $this->assertSame(['n' => 5], $client->track->batch(['batch' => []]));
    }

    public function testAssocIsPerClient(): void
    {
        $assoc = $this->client();
        $assoc->setAssocResponse(true);
        $objects = $this->client();
        self::server()->respond(200, '{"a":1}')->respond(200, '{"a":1}');

        $this->assertSame(['a' => 1], $assoc->post('x', ['k' => 1]));
        $this->assertEquals((object) ['a' => 1], $objects->post('x', ['k' => 1]));
    }

    /** @dataProvider nullBodies */
    #[\PHPUnit\Framework\Attributes\DataProvider('nullBodies')]
    public function testEmptyOrNonJsonBodyGivesNull(int $status, string $body): void
    {
        self::server()->respond($status, $body, ['Content-Type' => 'text/plain']);

        $this->assertNull($this->client()->post('x', ['a' => 1]));
    }

    public static function nullBodies(): array
    {
        return [
            'empty 200' => [200, ''],
            'empty 204' => [204, ''],
            'empty 202' => [202, ''],
            'plain text' => [200, 'OK'],
            'html' => [200, '<html><body>hi</body></html>'],
            'truncated json' => [200, '{"a":'],
            'json null' => [200, 'null'],
        ];
    }

    public function testEmptyBodyGivesNullInAssocModeToo(): void
    {
        $client = $this->client();
        $client->setAssocResponse(true);
        self::server()->respond(200, '');

        $this->assertNull($client->delete('customers/ann', []));
    }

    /**
     * @dataProvider scalarBodies
     * @param mixed $expected
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('scalarBodies')]
    public function testJsonScalarsAndListsAreDecoded(string $body, $expected): void
    {
        self::server()->respond(200, $body);

        $this->assertSame($expected, $this->client()->post('x', ['a' => 1]));
    }

    public static function scalarBodies(): array
    {
        return [
            'int' => ['42', 42],
            'float' => ['1.5', 1.5],
            'string' => ['"done"', 'done'],
            'true' => ['true', true],
            'false' => ['false', false],
            'list' => ['[1,"two",3.0]', [1, 'two', 3.0]],
            'empty list' => ['[]', []],
            'unicode' => ['"za\u017c\u00f3\u0142\u0107 \ud83d\ude00"', 'zażółć 😀'],
        ];
    }

    public function testOther2xxStatusIsSuccess(): void
    {
        self::server()->respond(201, '{"created":true}');

        $this->assertEquals((object) ['created' => true], $this->client()->post('x', ['a' => 1]));
    }
}
