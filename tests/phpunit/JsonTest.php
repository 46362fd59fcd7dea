<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Exception\InvalidArgumentException;

/** Request bodies decode to what json_encode() gives; values json_encode() rejects are rejected before sending. */
final class JsonTest extends TestCase
{
    /**
     * @dataProvider bodies
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('bodies')]
    public function testBodyDecodesLikeJsonEncode(array $value): void
    {
        $this->client()->post('x', $value);

        $body = $this->single()['body'];
        $this->assertSame(self::canonicalJson(json_encode($value)), self::canonicalJson($body));
        $this->assertEquals(json_decode(json_encode($value)), json_decode($body));
    }

    public static function bodies(): array
    {
        $object = new \stdClass();
        $object->name = 'n';
        $object->{'0'} = 'zero';
        $serializable = new class implements \JsonSerializable {
            public function jsonSerialize(): mixed
            {
                return ['via' => 'jsonSerialize', 'n' => 1];
            }
        };

        return [
            'strings' => [['s' => 'plain', 'quote' => 'say "hi"', 'backslash' => 'a\\b', 'ctl' => "tab\tnl\ncr\r\x01"]],
            'slashes' => [['url' => 'https://example.com/a/b?c=d', 'html' => '</script>']],
            'unicode' => [['pl' => 'zażółć gęślą jaźń', 'emoji' => '😀👍', 'cjk' => '日本語', 'rtl' => 'שלום']],
            'u2028' => [['sep' => "a\u{2028}b\u{2029}c"]],
            'numbers' => [['int' => 42, 'neg' => -7, 'big' => PHP_INT_MAX, 'float' => 1.5, 'whole float' => 2.0,
                'small' => 1.0E-10, 'pi' => M_PI, 'zero' => 0, 'negzero' => -0.0]],
            'bools and null' => [['t' => true, 'f' => false, 'n' => null]],
            'list' => [['list' => [1, 'two', 3.5, null, [4]]]],
            'sparse array is an object' => [['sparse' => [1 => 'a', 3 => 'b']]],
            'string keys that look numeric' => [['map' => ['10' => 'x', '2' => 'y']]],
            'empty array' => [['empty' => []]],
            'empty string key' => [['' => 'empty key', 'k' => '']],
            'stdClass' => [['obj' => $object, 'emptyobj' => new \stdClass()]],
            'JsonSerializable' => [['ser' => $serializable]],
            'deep' => [['a' => ['b' => ['c' => ['d' => ['e' => ['f' => 'g']]]]]]],
            'top-level list' => [[['type' => 'person'], ['type' => 'object']]],
        ];
    }

    public function testEntityBodyDecodesLikeJsonEncode(): void
    {
        $payload = self::entityPayload();
        $payload['attributes'] = ['bio' => "Line1\n<b>ünïcödé</b> / \"q\"", 'score' => 9.75];

        $this->client()->track->entity($payload);

        $this->assertSame(self::canonicalJson(json_encode($payload)), self::canonicalJson($this->single()['body']));
    }

    public function testDeepestNestingJsonEncodeAcceptsIsSent(): void
    {
        [$ok, $tooDeep] = self::depthBoundary();

        $this->client()->post('deep', $ok);

        $this->assertSame(self::canonicalJson(json_encode($ok)), self::canonicalJson($this->single()['body']));
    }

    /**
     * @dataProvider invalidValues
     * @param callable(): array $make
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('invalidValues')]
    public function testRejectedBeforeSendingNative(callable $make): void
    {
        $value = $make();
        $expected = self::jsonEncodeError($value);

        $e = $this->catchThrowable(fn () => $this->client()->post('x', $value));

        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertInstanceOf(\InvalidArgumentException::class, $e);
        $this->assertStringStartsWith('json_encode error: ', $e->getMessage());
        $this->assertSame('json_encode error: ' . $expected, $e->getMessage());
        $this->assertNothingSent();
    }

    /**
     * @dataProvider invalidValues
     * @param callable(): array $make
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('invalidValues')]
    public function testRejectedBeforeSendingGuzzle(callable $make): void
    {
        self::loadGuzzle();
        ini_set('customerio.exceptions', 'guzzle');
        $value = $make();
        $expected = self::jsonEncodeError($value);

        $e = $this->catchThrowable(fn () => $this->client()->put('x', $value));

        $this->assertExactClass(\GuzzleHttp\Exception\InvalidArgumentException::class, $e);
        $this->assertSame('json_encode error: ' . $expected, $e->getMessage());
        $this->assertNothingSent();
    }

    /**
     * @dataProvider invalidValues
     * @param callable(): array $make
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('invalidValues')]
    public function testEntityRejectedBeforeSending(callable $make): void
    {
        $value = self::entityPayload();
        $value['attributes'] = $make();

        $e = $this->catchThrowable(fn () => $this->client()->track->entity($value));

        $this->assertExactClass(InvalidArgumentException::class, $e);
        $this->assertStringStartsWith('json_encode error: ', $e->getMessage());
        $this->assertNothingSent();
    }

    public static function invalidValues(): array
    {
        return [
            'invalid utf-8 value' => [fn () => ['name' => "caf\xe9"]],
            'invalid utf-8 key' => [fn () => ["k\xff" => 1]],
            'NAN' => [fn () => ['n' => NAN]],
            'INF' => [fn () => ['n' => INF]],
            '-INF nested' => [fn () => ['a' => ['b' => [-INF]]]],
            'recursive array' => [function () {
                $a = ['x' => 1];
                $a['self'] = &$a;
                return ['loop' => $a];
            }],
            'recursive object' => [function () {
                $o = new \stdClass();
                $o->self = $o;
                return ['loop' => $o];
            }],
            'nesting one level too deep' => [fn () => self::depthBoundary()[1]],
            'nesting far too deep' => [fn () => ['deep' => self::nest(600)]],
            'resource' => [fn () => ['fh' => STDERR]],
        ];
    }

    public function testJsonSerializeExceptionPropagatesAndNothingIsSent(): void
    {
        $value = ['x' => new class implements \JsonSerializable {
            public function jsonSerialize(): mixed
            {
                throw new \DomainException('cannot serialize me');
            }
        }];

        $e = $this->catchThrowable(fn () => $this->client()->post('x', $value));

        $this->assertInstanceOf(\DomainException::class, $e);
        $this->assertSame('cannot serialize me', $e->getMessage());
        $this->assertNothingSent();
    }

    public function testClientStillWorksAfterAnEncodingError(): void
    {
        $client = $this->client();
        $this->catchThrowable(fn () => $client->post('x', ['n' => NAN]));

        $client->post('y', ['n' => 1]);
        $req = $this->single();
        $this->assertSame('/api/v1/y', $req['path']);
        $this->assertSame(['n' => 1], $req['json']);
    }

    // ---- helpers ----

    private static function nest(int $depth): array
    {
        $v = [];
        for ($i = 0; $i < $depth; $i++) {
            $v = [$v];
        }
        return $v;
    }

    /**
     * [the most deeply nested body json_encode() accepts, the same one level deeper], found with json_encode()
     * itself (default depth 512).
     * @return array{0: array, 1: array}
     */
    private static function depthBoundary(): array
    {
        for ($depth = 500; $depth < 530; $depth++) {
            $body = ['data' => self::nest($depth)];
            if (json_encode($body) === false) {
                return [['data' => self::nest($depth - 1)], $body];
            }
        }
        throw new \LogicException('json_encode() accepted nesting beyond 530');
    }

    /** @param mixed $value */
    private static function jsonEncodeError($value): string
    {
        $result = json_encode($value);
        if ($result !== false) {
            throw new \LogicException('json_encode() accepts this value');
        }
        return json_last_error_msg();
    }
}
