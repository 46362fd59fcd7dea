<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Exception\BadResponseException;
use Customerio\Exception\ClientException;
use Customerio\Exception\ConnectException;
use Customerio\Exception\CustomerioException;
use Customerio\Exception\RequestException;
use Customerio\Exception\ServerException;
use Customerio\Exception\TransferException;

/** Errors with customerio.exceptions=native: the extension's own exception classes. */
final class ErrorsNativeTest extends TestCase
{
    private function entityError(int $status, string $body = '{}', array $headers = []): \Throwable
    {
        self::server()->respond($status, $body, $headers);
        $client = $this->client();
        return $this->catchThrowable(fn () => $client->track->entity(self::entityPayload()));
    }

    private function entityUrl(): string
    {
        return $this->url() . '/api/v2/entity';
    }

    public function testClientErrorIsClientException(): void
    {
        $body = '{"errors":[{"reason":"required","field":"identifiers","message":"missing"}]}';
        $e = $this->entityError(400, $body, ['X-Request-Id' => 'req-123']);

        $this->assertExactClass(ClientException::class, $e);
        $this->assertSame(400, $e->getCode());
        $this->assertSame(
            "Client error: `POST {$this->entityUrl()}` resulted in a `400 Bad Request` response:\n$body\n",
            $e->getMessage()
        );
        $this->assertSame('POST', $e->getMethod());
        $this->assertSame($this->entityUrl(), $e->getUrl());
        $this->assertTrue(self::hasResponse($e));
        $this->assertSame(400, $e->getStatusCode());
        $this->assertSame($body, $e->getResponseBody());
        $this->assertSame(['req-123'], $e->getResponseHeaders()['X-Request-Id'] ?? null);
        $this->assertSame(['application/json'], $e->getResponseHeaders()['Content-Type'] ?? null);
        $this->assertSame([['reason' => 'required', 'field' => 'identifiers', 'message' => 'missing']], $e->getErrors());
        $this->assertCount(1, $this->requests(), 'an error response must not be retried');
    }

    public function testServerErrorIsServerException(): void
    {
        $e = $this->entityError(500, 'upstream exploded');

        $this->assertExactClass(ServerException::class, $e);
        $this->assertSame(500, $e->getCode());
        $this->assertSame(
            "Server error: `POST {$this->entityUrl()}` resulted in a `500 Internal Server Error` response:\n"
            . "upstream exploded\n",
            $e->getMessage()
        );
        $this->assertSame(500, $e->getStatusCode());
        $this->assertSame('upstream exploded', $e->getResponseBody());
        $this->assertSame([], $e->getErrors());
    }

    /** @dataProvider statuses */
    #[\PHPUnit\Framework\Attributes\DataProvider('statuses')]
    public function testStatusMapsToClassCodeAndLabel(int $status, string $class, string $label): void
    {
        $e = $this->entityError($status, '{"meta":{"error":"nope"}}');

        $this->assertExactClass($class, $e);
        $this->assertSame($status, $e->getCode());
        $this->assertSame($status, $e->getStatusCode());
        $this->assertStringStartsWith("$label: `POST {$this->entityUrl()}` resulted in a `$status ", $e->getMessage());
        $this->assertSame(['nope'], $e->getErrors());
    }

    public static function statuses(): array
    {
        return [
            [401, ClientException::class, 'Client error'],
            [403, ClientException::class, 'Client error'],
            [404, ClientException::class, 'Client error'],
            [422, ClientException::class, 'Client error'],
            [429, ClientException::class, 'Client error'],
            [499, ClientException::class, 'Client error'],
            [502, ServerException::class, 'Server error'],
            [503, ServerException::class, 'Server error'],
            [599, ServerException::class, 'Server error'],
        ];
    }

    public function testHierarchy(): void
    {
        $client = $this->entityError(404);
        $server = $this->entityError(503);

        foreach ([$client, $server] as $e) {
            $this->assertInstanceOf(BadResponseException::class, $e);
            $this->assertInstanceOf(RequestException::class, $e);
            $this->assertInstanceOf(TransferException::class, $e);
            $this->assertInstanceOf(\RuntimeException::class, $e);
            $this->assertInstanceOf(CustomerioException::class, $e);
        }
        $this->assertNotInstanceOf(ServerException::class, $client);
        $this->assertNotInstanceOf(ClientException::class, $server);
        $this->assertTrue(is_subclass_of(ClientException::class, BadResponseException::class));
        $this->assertTrue(is_subclass_of(ServerException::class, BadResponseException::class));
        $this->assertTrue(is_subclass_of(BadResponseException::class, RequestException::class));
        $this->assertTrue(is_subclass_of(RequestException::class, TransferException::class));
        $this->assertTrue(is_subclass_of(ConnectException::class, TransferException::class));
        $this->assertFalse(is_subclass_of(ConnectException::class, RequestException::class));
        $this->assertTrue(is_subclass_of(TransferException::class, \RuntimeException::class));
        $this->assertTrue(is_subclass_of(\Customerio\Exception\InvalidArgumentException::class,
            \InvalidArgumentException::class));
        $this->assertTrue(is_subclass_of(\Customerio\Exception\InvalidArgumentException::class,
            CustomerioException::class));
    }

    public function testEmptyBodyMessageEndsAfterResponse(): void
    {
        $e = $this->entityError(404, '');

        $this->assertExactClass(ClientException::class, $e);
        $this->assertSame("Client error: `POST {$this->entityUrl()}` resulted in a `404 Not Found` response",
            $e->getMessage());
        $this->assertSame('', $e->getResponseBody());
        $this->assertSame([], $e->getErrors());
    }

    public function testLongBodyIsTruncatedAt120Bytes(): void
    {
        $body = str_repeat('0123456789', 30);
        $e = $this->entityError(400, $body);

        $this->assertSame(
            "Client error: `POST {$this->entityUrl()}` resulted in a `400 Bad Request` response:\n"
            . substr($body, 0, 120) . " (truncated...)\n",
            $e->getMessage()
        );
        $this->assertSame($body, $e->getResponseBody(), 'the full body stays available');
    }

    public function testBodyOfExactly120BytesIsNotTruncated(): void
    {
        $body = str_repeat('abcdefghij', 12);
        $e = $this->entityError(400, $body);

        $this->assertStringEndsWith("response:\n$body\n", $e->getMessage());
        $this->assertStringNotContainsString('truncated', $e->getMessage());
    }

    public function testBodyOf121BytesIsTruncated(): void
    {
        $body = str_repeat('abcdefghij', 12) . 'Z';
        $e = $this->entityError(400, $body);

        $this->assertStringEndsWith("response:\n" . substr($body, 0, 120) . " (truncated...)\n", $e->getMessage());
    }

    public function testGetErrorAndUrlWithQuery(): void
    {
        self::server()->respond(404, '{"meta":{"errors":["customer not found","try again"]}}');
        $client = $this->appClient();

        $e = $this->catchThrowable(fn () => $client->get('customers/ann', ['id_type' => 'email', 'x' => true]));

        $this->assertExactClass(ClientException::class, $e);
        $url = $this->url() . '/v1/customers/ann?id_type=email&x=1';
        $this->assertSame('GET', $e->getMethod());
        $this->assertSame($url, $e->getUrl());
        $this->assertStringStartsWith("Client error: `GET $url` resulted in a `404 Not Found` response:\n",
            $e->getMessage());
        $this->assertSame(['customer not found', 'try again'], $e->getErrors());
    }

    /** @dataProvider verbs */
    #[\PHPUnit\Framework\Attributes\DataProvider('verbs')]
    public function testVerbsReportTheirMethod(string $verb, string $method): void
    {
        self::server()->respond(409, '{"meta":{"error":"conflict"}}');
        $client = $this->client();

        $e = $this->catchThrowable(fn () => $client->$verb('customers/ann', ['a' => 1]));

        $this->assertExactClass(ClientException::class, $e);
        $this->assertSame($method, $e->getMethod());
        $this->assertSame($this->url() . '/api/v1/customers/ann', $e->getUrl());
        $this->assertStringStartsWith(
            "Client error: `$method {$this->url()}/api/v1/customers/ann` resulted in a `409 Conflict` response:\n",
            $e->getMessage()
        );
        $this->assertSame(['conflict'], $e->getErrors());
    }

    public static function verbs(): array
    {
        return ['post' => ['post', 'POST'], 'put' => ['put', 'PUT'], 'delete' => ['delete', 'DELETE']];
    }

    /** @dataProvider errorBodies */
    #[\PHPUnit\Framework\Attributes\DataProvider('errorBodies')]
    public function testGetErrors(string $body, array $expected): void
    {
        $e = $this->entityError(400, $body);

        $this->assertSame($expected, $e->getErrors());
    }

    public static function errorBodies(): array
    {
        return [
            'v2 list' => [
                '{"errors":[{"reason":"invalid","field":"type","message":"bad","batch_index":3},{"reason":"x"}]}',
                [['reason' => 'invalid', 'field' => 'type', 'message' => 'bad', 'batch_index' => 3], ['reason' => 'x']],
            ],
            'v1 meta.errors' => ['{"meta":{"errors":["a","b"]}}', ['a', 'b']],
            'v1 meta.error' => ['{"meta":{"error":"x"}}', ['x']],
            'no errors key' => ['{"message":"nope"}', []],
            'not json' => ['Bad Request', []],
            'json list' => ['[1,2]', []],
        ];
    }

    public function testResponseHeadersAreListsByName(): void
    {
        $e = $this->entityError(429, '{}', ['Retry-After' => '30', 'X-RateLimit-Remaining' => '0']);

        $headers = $e->getResponseHeaders();
        $this->assertSame(['30'], $headers['Retry-After'] ?? null);
        $this->assertSame(['0'], $headers['X-RateLimit-Remaining'] ?? null);
        foreach ($headers as $name => $values) {
            $this->assertIsString($name);
            $this->assertSame(array_values($values), $values);
            foreach ($values as $value) {
                $this->assertIsString($value);
            }
        }
    }

    public function testRepeatedResponseHeadersAreAllKept(): void
    {
        $url = $this->rawServer("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"
            . "X-Multi: one\r\nX-Multi: two\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        $client = new \Customerio\Client(self::API_KEY, self::SITE_ID, ['track_url' => $url]);

        $e = $this->catchThrowable(fn () => $client->post('a', ['x' => 1]));

        $this->assertExactClass(ClientException::class, $e);
        $this->assertSame(['one', 'two'], $e->getResponseHeaders()['X-Multi'] ?? null);
        $this->assertSame(['application/json'], $e->getResponseHeaders()['Content-Type'] ?? null);
    }

    public function testReasonPhraseComesFromTheResponse(): void
    {
        $url = $this->rawServer("HTTP/1.1 418 Short And Stout\r\nContent-Length: 3\r\nConnection: close\r\n\r\ntea");
        $client = new \Customerio\Client(self::API_KEY, self::SITE_ID, ['track_url' => $url]);

        $e = $this->catchThrowable(fn () => $client->post('a', ['x' => 1]));

        $this->assertExactClass(ClientException::class, $e);
        $this->assertSame("Client error: `POST $url/api/v1/a` resulted in a `418 Short And Stout` response:\ntea\n",
            $e->getMessage());
        $this->assertSame(418, $e->getCode());
    }

    public function testInvalidUtf8BodyIsNotSummarized(): void
    {
        $body = "bad \xff\xfe bytes";
        $url = $this->rawServer("HTTP/1.1 500 Internal Server Error\r\nContent-Length: " . strlen($body)
            . "\r\nConnection: close\r\n\r\n" . $body);
        $client = new \Customerio\Client(self::API_KEY, self::SITE_ID, ['track_url' => $url]);

        $e = $this->catchThrowable(fn () => $client->post('a', ['x' => 1]));

        $this->assertExactClass(ServerException::class, $e);
        $this->assertSame("Server error: `POST $url/api/v1/a` resulted in a `500 Internal Server Error` response",
            $e->getMessage());
        $this->assertSame($body, $e->getResponseBody());
    }

    public function testErrorAndSuccessAlternate(): void
    {
        $client = $this->client();
        self::server()->respond(500, 'x')->respond(200, '{"ok":true}');

        $this->catchThrowable(fn () => $client->post('a', ['n' => 1]));
        $this->assertEquals((object) ['ok' => true], $client->post('a', ['n' => 2]));
        $this->assertSame([1, 2], array_map(fn ($r) => $r['json']['n'], $this->requests()));
    }

    // ---- network failures ----

    public function testConnectionRefusedIsConnectException(): void
    {
        $client = new \Customerio\Client(self::API_KEY, self::SITE_ID, ['track_url' => self::DEAD_URL]);

        $e = $this->catchThrowable(fn () => $client->track->entity(self::entityPayload()));

        $this->assertExactClass(ConnectException::class, $e);
        $this->assertInstanceOf(TransferException::class, $e);
        $this->assertInstanceOf(\RuntimeException::class, $e);
        $this->assertInstanceOf(CustomerioException::class, $e);
        $this->assertMatchesRegularExpression(
            '~^cURL error 7: .+ \(see https://curl\.haxx\.se/libcurl/c/libcurl-errors\.html\) for '
            . preg_quote(self::DEAD_URL . '/api/v2/entity', '~') . '$~',
            $e->getMessage()
        );
        $this->assertSame(0, $e->getCode());
        $this->assertSame('POST', $e->getMethod());
        $this->assertSame(self::DEAD_URL . '/api/v2/entity', $e->getUrl());
    }

    public function testConnectExceptionOnGetNamesTheFullUrl(): void
    {
        $client = new \Customerio\Client(self::API_KEY, self::SITE_ID, ['api_url' => self::DEAD_URL]);
        $client->setAppAPIKey(self::APP_KEY);

        $e = $this->catchThrowable(fn () => $client->get('customers', ['email' => 'a@b.c']));

        $this->assertExactClass(ConnectException::class, $e);
        $this->assertSame('GET', $e->getMethod());
        $this->assertSame(self::DEAD_URL . '/v1/customers?email=a%40b.c', $e->getUrl());
        $this->assertStringEndsWith(' for ' . self::DEAD_URL . '/v1/customers?email=a%40b.c', $e->getMessage());
    }

    public function testTimeoutIsConnectException(): void
    {
        $client = $this->client(['timeout' => 0.5]);
        self::server()->respond(200, '{}', [], 2000);

        $start = microtime(true);
        $e = $this->catchThrowable(fn () => $client->track->entity(self::entityPayload()));
        $elapsed = microtime(true) - $start;

        $this->assertExactClass(ConnectException::class, $e);
        $this->assertMatchesRegularExpression(
            '~^cURL error 28: .+ \(see https://curl\.haxx\.se/libcurl/c/libcurl-errors\.html\) for '
            . preg_quote($this->entityUrl(), '~') . '$~',
            $e->getMessage()
        );
        $this->assertSame('POST', $e->getMethod());
        $this->assertGreaterThanOrEqual(0.4, $elapsed);
        $this->assertLessThan(1.5, $elapsed);
    }

    public function testClientWorksAgainAfterNetworkFailures(): void
    {
        $dead = new \Customerio\Client(self::API_KEY, self::SITE_ID, ['track_url' => self::DEAD_URL]);
        $this->catchThrowable(fn () => $dead->post('a', ['x' => 1]));
        $slow = $this->client(['timeout' => 0.3]);
        self::server()->respond(200, '{}', [], 800);
        $this->catchThrowable(fn () => $slow->post('slow', ['x' => 1]));

        self::server()->respond(200, '{"after":true}');
        $this->assertEquals((object) ['after' => true], $slow->post('fast', ['x' => 2]));
        $this->assertSame(['/api/v1/slow', '/api/v1/fast'], array_column($this->requests(), 'path'));
    }

    // ---- validation errors ----

    public function testValidationErrorIsRequestExceptionWithoutResponse(): void
    {
        $e = $this->catchThrowable(fn () => $this->client()->track->entity(['type' => 'person', 'action' => 'x']));

        $this->assertExactClass(RequestException::class, $e);
        $this->assertInstanceOf(TransferException::class, $e);
        $this->assertInstanceOf(CustomerioException::class, $e);
        $this->assertSame('Object identifiers is required!', $e->getMessage());
        $this->assertSame(0, $e->getCode());
        $this->assertSame('POST', $e->getMethod());
        $this->assertSame('/', $e->getUrl());
        $this->assertFalse(self::hasResponse($e));
        $this->assertNothingSent();
    }

    /** customerio.exceptions=native wins even when Guzzle is loaded. */
    public function testNativeModeIgnoresLoadedGuzzle(): void
    {
        self::loadGuzzle();
        $this->assertTrue(class_exists(\GuzzleHttp\Exception\ClientException::class));

        $e = $this->entityError(400);
        $this->assertExactClass(ClientException::class, $e);
        $v = $this->catchThrowable(fn () => $this->client()->track->batch([]));
        $this->assertExactClass(RequestException::class, $v);
        $dead = new \Customerio\Client(self::API_KEY, self::SITE_ID, ['track_url' => self::DEAD_URL]);
        $this->assertExactClass(ConnectException::class, $this->catchThrowable(fn () => $dead->post('a', ['x' => 1])));
    }
}
