<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Client;

/** API keys never show up in dumps of the client nor in exception messages. */
final class SecretsTest extends TestCase
{
    private function assertNoSecret(string $text, string $what): void
    {
        foreach ([self::API_KEY, self::APP_KEY, base64_encode(self::SITE_ID . ':' . self::API_KEY)] as $secret) {
            $this->assertStringNotContainsString($secret, $text, "$what leaks a key");
        }
        $this->assertStringNotContainsString('SECRET', $text, "$what leaks a key");
    }

    private function dump($value): string
    {
        ob_start();
        var_dump($value);
        return (string) ob_get_clean();
    }

    public function testVarDumpAndPrintRDoNotShowKeys(): void
    {
        $client = $this->appClient(['region' => 'eu']);

        $dump = $this->dump($client);
        $this->assertStringContainsString('Customerio\Client', $dump, 'sanity: the dump is of the client');
        $this->assertNoSecret($dump, 'var_dump');
        $this->assertNoSecret(print_r($client, true), 'print_r');
        $this->assertNoSecret($this->dump($client->track), 'var_dump of the endpoint');
        $this->assertNoSecret($this->dump((array) $client), 'array cast');
        $this->assertNoSecret($this->dump(get_object_vars($client)), 'get_object_vars');
        $this->assertNoSecret(json_encode($client), 'json_encode');
        $this->assertNoSecret($this->dump(clone $client), 'var_dump of a clone');
    }

    public function testKeysAreStillUsableAfterDumping(): void
    {
        $client = $this->appClient();
        print_r($client, true);

        $this->assertSame([self::SITE_ID, self::API_KEY], $client->getAuth());
        $this->assertSame(self::APP_KEY, $client->getToken());
    }

    public function testHttpErrorMessagesDoNotShowKeys(): void
    {
        $client = $this->appClient();
        self::server()->respond(401, '{"meta":{"error":"Unauthorized request"}}')
            ->respond(401, '{"meta":{"error":"Unauthorized request"}}');

        $native = $this->catchThrowable(fn () => $client->track->entity(self::entityPayload()));
        $this->assertInstanceOf(\Customerio\Exception\ClientException::class, $native);
        $this->assertNoSecret($native->getMessage(), 'native message');
        $this->assertNoSecret((string) $native, 'native __toString');
        $this->assertNoSecret(json_encode($native->getResponseHeaders()), 'response headers');

        $bearer = $this->catchThrowable(fn () => $client->get('customers', ['email' => 'a@b.c']));
        $this->assertNoSecret($bearer->getMessage(), 'native message (bearer)');
        $this->assertNoSecret((string) $bearer, 'native __toString (bearer)');
    }

    public function testGuzzleErrorMessagesDoNotShowKeys(): void
    {
        self::loadGuzzle();
        ini_set('customerio.exceptions', 'guzzle');
        $client = $this->appClient();
        self::server()->respond(403, 'forbidden');

        $e = $this->catchThrowable(fn () => $client->post('send/email', ['endpoint' => $client->getRegion()->apiUri()]));
        $this->assertInstanceOf(\GuzzleHttp\Exception\ClientException::class, $e);
        $this->assertNoSecret($e->getMessage(), 'guzzle message');
        $this->assertNoSecret((string) $e, 'guzzle __toString');
    }

    public function testConnectAndValidationMessagesDoNotShowKeys(): void
    {
        $dead = new Client(self::API_KEY, self::SITE_ID, ['track_url' => self::DEAD_URL]);

        $connect = $this->catchThrowable(fn () => $dead->post('a', ['x' => 1]));
        $this->assertNoSecret($connect->getMessage(), 'connect message');
        $validation = $this->catchThrowable(fn () => $dead->track->entity([]));
        $this->assertNoSecret($validation->getMessage(), 'validation message');
    }

    public function testConstructorErrorsDoNotShowKeys(): void
    {
        foreach ([['track_url' => 'nope'], ['bogus' => 1], ['timeout' => -1], ['region' => 'xx']] as $options) {
            $e = $this->catchThrowable(fn () => new Client(self::API_KEY, self::SITE_ID, $options));
            $this->assertNoSecret($e->getMessage(), 'constructor error ' . json_encode($options));
        }
    }

    public function testCredentialsWithLineBreaksAreRejectedWithoutEchoingThem(): void
    {
        $e = $this->catchThrowable(fn () => new Client("SECRET-key\r\nX-Evil: 1", self::SITE_ID));

        $this->assertInstanceOf(\InvalidArgumentException::class, $e);
        $this->assertStringNotContainsString('SECRET', $e->getMessage());
        $this->assertNothingSent();
    }
}
