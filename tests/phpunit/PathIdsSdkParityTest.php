<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use GuzzleHttp\Psr7\Uri;

/**
 * Ids in paths (issue 11, item 1): for every id printu/customerio sent to the right URL, the extension's request
 * line is byte for byte the SDK's; ids the SDK mangled ('/', '?', '#', a '%' escape) reach one path segment.
 *
 * The SDK's behaviour, reimplemented: its path helpers join the prefix and the raw id with '/', Client prepends
 * the region's base URL, and Guzzle's Uri (the real class) parses that string: '?' starts the query, '#' the
 * fragment, and the path keeps RFC 3986 path characters and existing %XX escapes, percent-encoding the rest.
 */
final class PathIdsSdkParityTest extends TestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        self::loadGuzzle();
    }

    /** The request target the SDK sent for $path (relative to $base): path, and '?query' when there is one. */
    private static function sdkTarget(string $base, string $path): string
    {
        $uri = new Uri($base . $path);
        return $uri->getPath() . ($uri->getQuery() !== '' ? '?' . $uri->getQuery() : '');
    }

    /** The SDK got $id right when the server, decoding the path, sees exactly "$prefix/$id$suffix". */
    private static function sdkWasRight(string $base, string $prefix, string $id, string $suffix): bool
    {
        try {
            $uri = new Uri($base . $prefix . $id . $suffix);
        } catch (\InvalidArgumentException $e) {
            return false; // Guzzle 8's Uri refuses raw non-ASCII bytes: that id could not be sent at all
        }
        return $uri->getQuery() === '' && $uri->getFragment() === ''
            && rawurldecode($uri->getPath()) === (new Uri($base))->getPath() . $prefix . $id . $suffix
            && substr_count($uri->getPath(), '/') === substr_count((new Uri($base))->getPath() . $prefix . $suffix, '/');
    }

    public static function ids(): array
    {
        $ids = [
            'email' => 'ann@example.com',
            'tagged email' => 'ann+news@example.com',
            'colon' => 'shop:42',
            'sub-delims' => "a!b\$c&d'e(f)g*h+i,j;k=l",
            'unreserved' => 'A-z_0.9~',
            'space' => 'Ann Smith',
            'unicode' => 'zoë 東京',
            'lone percent' => '100%',
            'percent then non-hex' => '%zz',
            'percent escape' => 'a%41b',
            'slash' => 'a/b',
            'question mark' => 'what?x=1',
            'hash' => '#tag',
            'quote and angle brackets' => 'say "hi" <b>',
            'backslash, caret, pipe, braces, backtick' => 'a\\b^c|d{e}f`g',
            'brackets' => 'x[1]',
            'tab' => "a\tb",
            'DEL' => "a\x7fb",
            'latin-1 byte' => "caf\xe9",
        ];
        for ($c = 0x21; $c < 0x7f; $c++) {
            $ids['ascii ' . sprintf('0x%02x', $c)] = 'x' . chr($c) . 'y';
        }
        $rows = [];
        foreach ($ids as $label => $id) {
            $rows[$label] = [$id];
        }
        return $rows;
    }

    /**
     * @dataProvider ids
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('ids')]
    public function testRequestLineIsTheSdksWhereTheSdkWasRight(string $id): void
    {
        $client = $this->appClient();
        $track = $client->getRegion()->trackUri();
        $app = $client->getRegion()->apiUri();
        // [what the extension is asked, SDK base, SDK path prefix, suffix, HTTP method]
        $calls = [
            [fn() => $client->customers->add(['id' => $id, 'plan' => 'pro']), $track, 'customers/', '', 'PUT'],
            [fn() => $client->customers->event(['email' => $id, 'name' => 'x']), $track, 'customers/', '/events', 'POST'],
            [fn() => $client->customers->delete(['id' => $id]), $track, 'customers/', '', 'DELETE'],
            [fn() => $client->customers->devices->delete(['id' => 'u1', 'device_id' => $id]), $track, 'customers/u1/devices/', '', 'DELETE'],
            [fn() => $client->segments->get(['id' => $id]), $app, 'segments/', '', 'GET'],
        ];
        foreach ($calls as [$call]) {
            $call();
        }
        $requests = $this->requests();
        $this->assertCount(count($calls), $requests);

        foreach ($calls as $i => [, $base, $prefix, $suffix, $method]) {
            $sent = $requests[$i]['method'] . ' ' . $requests[$i]['path']
                . ($requests[$i]['query'] !== '' ? '?' . $requests[$i]['query'] : '');
            $basePath = (new Uri($base))->getPath();
            if (self::sdkWasRight($base, $prefix, $id, $suffix)) {
                $this->assertSame("$method " . self::sdkTarget($base, $prefix . $id . $suffix), $sent,
                    'the SDK sent this id right: the same bytes');
            } else {
                // one segment, decoding to the id, nothing in a query
                $this->assertSame('', $requests[$i]['query']);
                $this->assertStringStartsWith($basePath . $prefix, $requests[$i]['path']);
                $segment = substr($requests[$i]['path'], strlen($basePath . $prefix),
                    strlen($requests[$i]['path']) - strlen($basePath . $prefix) - strlen($suffix));
                $this->assertStringNotContainsString('/', $segment);
                $this->assertSame($id, rawurldecode($segment));
                $this->assertSame($basePath . $prefix . $segment . $suffix, $requests[$i]['path']);
            }
        }
    }

    /** The rule in one table: pchar bytes raw, every other byte %XX (upper-case hex), whatever the locale. */
    public function testEveryByteOfAnId(): void
    {
        $client = $this->client();
        $id = implode('', array_map('chr', range(1, 255)));
        $client->customers->add(['id' => $id]);

        $expected = '';
        for ($b = 1; $b < 256; $b++) {
            $ch = chr($b);
            $expected .= preg_match('~^[A-Za-z0-9\-._\~!$&\'()*+,;=:@]$~', $ch) ? $ch : sprintf('%%%02X', $b);
        }
        $this->assertSame('/api/v1/customers/' . $expected, $this->single()['path']);
    }

    /** Paths the caller builds ($client->put('customers/…')) keep Guzzle's rule: '/' and %XX escapes stay. */
    public function testAWholePathKeepsSlashesAndEscapes(): void
    {
        $this->client()->put('customers/a@b.test/x%41 y', ['plan' => 'pro']);

        $this->assertSame('/api/v1/customers/a@b.test/x%41%20y', $this->single()['path']);
        $this->assertSame(self::sdkTarget('https://track.customer.io/api/v1/', 'customers/a@b.test/x%41 y'),
            '/api/v1/customers/a@b.test/x%41%20y');
    }
}
