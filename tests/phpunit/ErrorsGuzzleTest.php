<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use GuzzleHttp\Exception\ClientException;
use GuzzleHttp\Exception\ConnectException;
use GuzzleHttp\Exception\GuzzleException;
use GuzzleHttp\Exception\RequestException;
use GuzzleHttp\Exception\ServerException;
use Psr\Http\Message\RequestInterface;
use Psr\Http\Message\ResponseInterface;

/**
 * Errors with Guzzle loaded (customerio.exceptions=guzzle, or auto with Guzzle autoloadable): Guzzle's own
 * exception classes, as printu/customerio users catch them. Also checks that the native messages are
 * exactly Guzzle's.
 */
final class ErrorsGuzzleTest extends TestCase
{
    public static function setUpBeforeClass(): void
    {
        self::loadGuzzle();
    }

    protected function setUp(): void
    {
        parent::setUp();
        ini_set('customerio.exceptions', 'guzzle');
    }

    private function entityUrl(): string
    {
        return $this->url() . '/api/v2/entity';
    }

    private function entityError(int $status, string $body = '{}', array $headers = []): \Throwable
    {
        self::server()->respond($status, $body, $headers);
        $client = $this->client();
        return $this->catchThrowable(fn () => $client->track->entity(self::entityPayload()));
    }

    public function testClientErrorIsGuzzleClientException(): void
    {
        $body = '{"errors":[{"reason":"required","field":"identifiers"}]}';
        $e = $this->entityError(400, $body, ['X-Request-Id' => 'req-9']);

        $this->assertExactClass(ClientException::class, $e);
        $this->assertInstanceOf(GuzzleException::class, $e);
        $this->assertSame(400, $e->getCode());
        $this->assertSame(self::guzzleMessage('POST', $this->entityUrl(), 400, $body), $e->getMessage());
        $this->assertStringStartsWith("Client error: `POST {$this->entityUrl()}` resulted in a `400 Bad Request` "
            . 'response:', $e->getMessage());
        $this->assertStringContainsString($body, $e->getMessage());
        $this->assertTrue(self::hasResponse($e));

        $response = $e->getResponse();
        $this->assertInstanceOf(ResponseInterface::class, $response);
        $this->assertSame(400, $response->getStatusCode());
        $this->assertSame('Bad Request', $response->getReasonPhrase());
        $this->assertSame($body, (string) $response->getBody());
        $this->assertSame('req-9', $response->getHeaderLine('X-Request-Id'));
        $this->assertSame('application/json', $response->getHeaderLine('Content-Type'));

        $request = $e->getRequest();
        $this->assertInstanceOf(RequestInterface::class, $request);
        $this->assertSame('POST', $request->getMethod());
        $this->assertSame($this->entityUrl(), (string) $request->getUri());
    }

    public function testServerErrorIsGuzzleServerException(): void
    {
        $e = $this->entityError(503, 'maintenance');

        $this->assertExactClass(ServerException::class, $e);
        $this->assertSame(503, $e->getCode());
        $this->assertSame(self::guzzleMessage('POST', $this->entityUrl(), 503, 'maintenance'), $e->getMessage());
        $this->assertStringStartsWith("Server error: `POST {$this->entityUrl()}` resulted in a `503 Service "
            . 'Unavailable` response:', $e->getMessage());
        $this->assertSame(503, $e->getResponse()->getStatusCode());
        $this->assertSame('maintenance', (string) $e->getResponse()->getBody());
    }

    public function testGetErrorCarriesQueryInRequestUri(): void
    {
        self::server()->respond(404, '');
        $client = $this->appClient();

        $e = $this->catchThrowable(fn () => $client->get('customers/ann', ['id_type' => 'email']));

        $url = $this->url() . '/v1/customers/ann?id_type=email';
        $this->assertExactClass(ClientException::class, $e);
        $this->assertSame('GET', $e->getRequest()->getMethod());
        $this->assertSame($url, (string) $e->getRequest()->getUri());
        // Guzzle 8 leaves the query out of the message (Utils::redactUriForMessage)
        $this->assertSame(self::guzzleMessage('GET', $url, 404, ''), $e->getMessage());
        $this->assertStringStartsWith('Client error: `GET ' . $this->url() . '/v1/customers/ann', $e->getMessage());
        $this->assertSame('', (string) $e->getResponse()->getBody());
    }

    public function testValidationErrorIsGuzzleRequestException(): void
    {
        $e = $this->catchThrowable(fn () => $this->client()->track->entity([]));

        $this->assertExactClass(RequestException::class, $e);
        $this->assertSame('Operation type is required!', $e->getMessage());
        $this->assertSame(0, $e->getCode());
        $this->assertSame('/', (string) $e->getRequest()->getUri());
        $this->assertSame('POST', $e->getRequest()->getMethod());
        $this->assertFalse(self::hasResponse($e));
        if (self::guzzleMajor() < 8) {
            $this->assertNull($e->getResponse());
        }
        $this->assertNothingSent();
    }

    public function testBatchValidationErrorIsGuzzleRequestException(): void
    {
        $e = $this->catchThrowable(fn () => $this->client()->track->batch(['batch' => null]));

        $this->assertExactClass(RequestException::class, $e);
        $this->assertSame('Batch paremeter is required!', $e->getMessage());
        $this->assertSame('/', (string) $e->getRequest()->getUri());
    }

    public function testConnectionRefusedIsGuzzleConnectException(): void
    {
        $client = new \Customerio\Client(self::API_KEY, self::SITE_ID, ['track_url' => self::DEAD_URL]);

        $e = $this->catchThrowable(fn () => $client->track->entity(self::entityPayload()));

        $url = self::DEAD_URL . '/api/v2/entity';
        $this->assertExactClass(ConnectException::class, $e);
        $this->assertInstanceOf(GuzzleException::class, $e);
        $this->assertMatchesRegularExpression(
            '~^cURL error 7: .+ \(see https://curl\.(haxx\.)?se/libcurl/c/libcurl-errors\.html\) for '
            . preg_quote($url, '~') . '$~',
            $e->getMessage()
        );
        $this->assertSame($url, (string) $e->getRequest()->getUri());
        $this->assertSame('POST', $e->getRequest()->getMethod());
    }

    /** Guzzle 7 calls a timeout a ConnectException; Guzzle 8 a NetworkTimeoutException when nothing had arrived. */
    public function testTimeoutIsGuzzlesTimeoutException(): void
    {
        $client = $this->client(['timeout' => 0.5]);
        self::server()->respond(200, '{}', [], 1200);

        $start = microtime(true);
        $e = $this->catchThrowable(fn () => $client->post('slow', ['a' => 1]));
        $elapsed = microtime(true) - $start;

        $this->assertExactClass(self::guzzleMajor() < 8 ? ConnectException::class
            : \GuzzleHttp\Exception\NetworkTimeoutException::class, $e);
        $this->assertStringStartsWith('cURL error 28: ', $e->getMessage());
        $this->assertStringEndsWith(' for ' . $this->url() . '/api/v1/slow', $e->getMessage());
        $this->assertGreaterThanOrEqual(0.4, $elapsed);
        $this->assertLessThan(1.5, $elapsed);
    }

    public function testGuzzleModeNeverThrowsCustomerioHttpClasses(): void
    {
        $e = $this->entityError(422, '{"errors":[]}');

        $this->assertNotInstanceOf(\Customerio\Exception\CustomerioException::class, $e);
        $this->assertInstanceOf(\GuzzleHttp\Exception\BadResponseException::class, $e);
    }

    /**
     * Message parity: for each body, the Guzzle-mode message is the one the installed Guzzle builds itself
     * (RequestException::create with its BodySummarizer), and the native message keeps Guzzle 7's format (the
     * SDK's), which on Guzzle 7 is checked against Guzzle's own.
     * @dataProvider summaryBodies
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('summaryBodies')]
    public function testNativeAndGuzzleMessagesEqualGuzzlesOwn(int $status, string $body): void
    {
        $client = $this->client();
        $expected = self::guzzleMessage('POST', $this->url() . '/api/v1/x', $status, $body);
        $reasons = [400 => 'Bad Request', 401 => 'Unauthorized', 422 => 'Unprocessable Entity', 500 => 'Internal Server Error',
            502 => 'Bad Gateway', 503 => 'Service Unavailable'];
        $native7 = self::nativeMessage('POST', $this->url() . '/api/v1/x', $status, $body, $reasons[$status]);
        if (self::guzzleMajor() < 8) {
            $this->assertSame($expected, $native7, "the test's Guzzle 7 format is Guzzle 7's own");
        }

        ini_set('customerio.exceptions', 'native');
        self::server()->respond($status, $body, ['Content-Type' => 'text/plain']);
        $native = $this->catchThrowable(fn () => $client->post('x', ['a' => 1]));
        $this->assertInstanceOf(\Customerio\Exception\BadResponseException::class, $native);
        $this->assertSame($native7, $native->getMessage(), 'native message');

        ini_set('customerio.exceptions', 'guzzle');
        self::server()->respond($status, $body, ['Content-Type' => 'text/plain']);
        $guzzle = $this->catchThrowable(fn () => $client->post('x', ['a' => 1]));
        $this->assertInstanceOf(\GuzzleHttp\Exception\BadResponseException::class, $guzzle);
        $this->assertSame($expected, $guzzle->getMessage(), 'guzzle-mode message');
    }

    public static function summaryBodies(): array
    {
        return [
            'json' => [400, '{"meta":{"error":"bad"}}'],
            'empty' => [401, ''],
            '120 bytes' => [400, str_repeat('x', 120)],
            '121 bytes' => [400, str_repeat('x', 121)],
            '500 bytes' => [500, str_repeat('y', 500)],
            'multi-line' => [400, "line one\r\nline two\tend"],
            'utf-8 text' => [400, 'zażółć gęślą jaźń – “quotes” 😀'],
            'multibyte cut at byte 120' => [400, str_repeat('a', 119) . 'éééé'],
            'multibyte ending at byte 120' => [400, str_repeat('a', 118) . 'é' . 'tail'],
            'nul byte' => [400, "abc\0def"],
            'bell' => [400, "abc\x07def"],
            'DEL' => [400, "abc\x7fdef"],
            'C1 control (NEL)' => [400, "abc\u{0085}def"],
            'soft hyphen (Cf)' => [400, "co\u{00AD}operate"],
            'zero-width space (Cf)' => [400, "a\u{200B}b"],
            'byte order mark (Cf)' => [400, "\u{FEFF}{\"a\":1}"],
            'private use (Co)' => [400, "a\u{E000}b"],
            'html 502' => [502, '<html><body><h1>502 Bad Gateway</h1></body></html>'],
        ];
    }

    public function testInvalidUtf8BodyMessageEqualsGuzzlesOwn(): void
    {
        $body = str_repeat('ok ', 10) . "\xc3\x28 \xff";
        $url = $this->rawServer("HTTP/1.1 400 Bad Request\r\nContent-Length: " . strlen($body)
            . "\r\nConnection: close\r\n\r\n" . $body, 2);
        $client = new \Customerio\Client(self::API_KEY, self::SITE_ID, ['track_url' => $url]);
        $expected = self::guzzleMessage('POST', "$url/api/v1/x", 400, $body);

        ini_set('customerio.exceptions', 'native');
        $this->assertSame($expected, $this->catchThrowable(fn () => $client->post('x', ['a' => 1]))->getMessage());
        ini_set('customerio.exceptions', 'guzzle');
        $e = $this->catchThrowable(fn () => $client->post('x', ['a' => 1]));
        $this->assertExactClass(ClientException::class, $e);
        $this->assertSame($expected, $e->getMessage());
        $this->assertSame($body, (string) $e->getResponse()->getBody());
    }

    public function testGuzzleResponseKeepsReasonAndRepeatedHeaders(): void
    {
        $url = $this->rawServer("HTTP/1.1 429 Slow Down Please\r\nX-Multi: one\r\nX-Multi: two\r\n"
            . "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
        $client = new \Customerio\Client(self::API_KEY, self::SITE_ID, ['track_url' => $url]);

        $e = $this->catchThrowable(fn () => $client->post('x', ['a' => 1]));

        $this->assertExactClass(ClientException::class, $e);
        $this->assertSame('Slow Down Please', $e->getResponse()->getReasonPhrase());
        $this->assertSame(['one', 'two'], $e->getResponse()->getHeader('X-Multi'));
        $this->assertStringContainsString('`429 Slow Down Please` response', $e->getMessage());
    }

    // ---- choosing the mode ----

    public function testExceptionsModeIsReadWhenTheExceptionIsMade(): void
    {
        // customerio.exceptions applies when an exception is made (endpoint validation may have no client to ask)
        $client = $this->client();              // constructed with customerio.exceptions=guzzle
        ini_set('customerio.exceptions', 'native');
        self::server()->respond(400, '{}');

        $e = $this->catchThrowable(fn () => $client->post('x', ['a' => 1]));
        $this->assertExactClass(\Customerio\Exception\ClientException::class, $e);
    }

    public function testAutoModeUsesGuzzleWhenAutoloadable(): void
    {
        $out = $this->runPhp(<<<'PHP'
            require '/usr/share/php/GuzzleHttp/autoload.php';
            $loadedBefore = class_exists('GuzzleHttp\Exception\ClientException', false);
            $c = new Customerio\Client('k', 's', ['track_url' => $argv[1], 'api_url' => $argv[1]]);
            $out = [ini_get('customerio.exceptions'), $loadedBefore];
            try { $c->track->entity([]); } catch (Throwable $e) { $out[] = get_class($e); }
            try { (new Customerio\Client('k', 's', ['track_url' => 'http://127.0.0.1:1']))->post('a', ['b' => 1]); }
            catch (Throwable $e) { $out[] = get_class($e); }
            echo json_encode($out);
            PHP);

        $this->assertSame(
            ['auto', false, 'GuzzleHttp\Exception\RequestException', 'GuzzleHttp\Exception\ConnectException'],
            json_decode($out, true)
        );
    }

    public function testAutoModeWithHttpErrorUsesGuzzle(): void
    {
        self::server()->respond(404, '{}');
        $out = $this->runPhp(<<<'PHP'
            require '/usr/share/php/GuzzleHttp/autoload.php';
            $c = new Customerio\Client('k', 's', ['track_url' => $argv[1]]);
            try { $c->post('a', ['b' => 1]); } catch (Throwable $e) {
                echo json_encode([get_class($e), $e->getCode(), $e->getResponse()->getStatusCode()]);
            }
            PHP);

        $this->assertSame(['GuzzleHttp\Exception\ClientException', 404, 404], json_decode($out, true));
    }

    public function testAutoModeWithoutGuzzleIsNative(): void
    {
        self::server()->respond(500, 'x');
        $out = $this->runPhp(<<<'PHP'
            $out = [ini_get('customerio.exceptions')];
            $c = new Customerio\Client('k', 's', ['track_url' => $argv[1]]);
            try { $c->track->batch([]); } catch (Throwable $e) { $out[] = get_class($e); }
            try { $c->post('a', ['b' => 1]); } catch (Throwable $e) { $out[] = get_class($e); }
            try { $c->post('a', ['b' => NAN]); } catch (Throwable $e) { $out[] = get_class($e); }
            $out[] = class_exists('GuzzleHttp\Psr7\Request');
            echo json_encode($out);
            PHP);

        $this->assertSame([
            'auto',
            'Customerio\Exception\RequestException',
            'Customerio\Exception\ServerException',
            'Customerio\Exception\InvalidArgumentException',
            false,
        ], json_decode($out, true));
    }

    public function testNativeIniInAFreshProcessWithGuzzle(): void
    {
        $out = $this->runPhp(<<<'PHP'
            require '/usr/share/php/GuzzleHttp/autoload.php';
            $c = new Customerio\Client('k', 's', ['track_url' => $argv[1]]);
            try { $c->track->batch([]); } catch (Throwable $e) { echo get_class($e); }
            PHP, ['customerio.exceptions' => 'native']);

        $this->assertSame('Customerio\Exception\RequestException', $out);
    }
}
