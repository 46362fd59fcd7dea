<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Client;

/** The API key and the App API key stay out of every message the reliability features produce. */
final class ReliabilitySecretsTest extends TestCase
{
    private function assertNoSecret(string $text, string $what): void
    {
        foreach ([self::API_KEY, self::APP_KEY, base64_encode(self::SITE_ID . ':' . self::API_KEY), 'SECRET'] as $secret) {
            $this->assertStringNotContainsString($secret, $text, "$what shows a key");
        }
    }

    private function assertThrowableHasNoSecret(\Throwable $e, string $what): void
    {
        $this->assertNoSecret($e->getMessage(), "$what: message");
        if ($e instanceof \Customerio\Exception\TransferException) {
            $this->assertNoSecret($e->getUrl(), "$what: getUrl()");
        }
        if ($e instanceof \Customerio\Exception\RequestException) {
            $this->assertNoSecret(json_encode($e->getResponseHeaders()), "$what: response headers");
        }
        if ($e->getPrevious()) {
            $this->assertThrowableHasNoSecret($e->getPrevious(), "$what: previous");
        }
    }

    public function testExceptionsAfterRetriesTimeoutsRedirectsAndLimitsShowNoKeys(): void
    {
        $fs = self::faultServer();
        $client = $this->clientAt($fs->url(), ['retries' => 1, 'timeout' => 0.3, 'max_response_bytes' => 100,
            'max_entity_bytes' => 200]);
        $client->setAppAPIKey(self::APP_KEY);
        $port = parse_url($fs->url(), PHP_URL_PORT);

        $cases = [
            'refused after retries' => [fn () => $this->clientAt(self::DEAD_URL, ['retries' => 2])->track->entity(self::identifyOp()), []],
            'timeout after retries' => [fn () => $client->track->entity(self::identifyOp()), [['silent', 2], ['silent', 2]]],
            'cut off after retries' => [fn () => $client->track->batch(['batch' => [self::eventOp()]]), [['partial'], ['partial']]],
            'server error after retries' => [fn () => $client->get('customers', ['email' => 'a@b.c']),
                [['respond', 503, '{}', [], 0], ['respond', 500, '{}', [], 0]]],
            'too large' => [fn () => $client->track->entity(self::identifyOp()), [['big', 5000]]],
            'redirect to another host' => [fn () => $client->track->entity(self::identifyOp()),
                [['respond', 301, '', ['Location' => "http://localhost:$port/x"], 0], ['respond', 403, '{}', [], 0]]],
            'over max_entity_bytes' => [fn () => $client->track->entity(self::identifyOp('1', ['x' => str_repeat('y', 300)])), []],
            'queue validation' => [fn () => $client->track->queue(['type' => 'person']), []],
            'replay of a broken spool' => [function () use ($client) {
                $file = $this->tempDir() . '/spool.jsonl';
                file_put_contents($file, "nope\n");
                $client->track->replay($file);
            }, []],
            'failed flush' => [function () use ($client) {
                $client->track->queue(self::identifyOp());
                try {
                    $client->track->flush();
                } finally {
                    self::faultServer();
                    $client->track->flush(); // empty the queue
                }
            }, [['respond', 401, '{"meta":{"error":"Unauthorized"}}', [], 0]]],
        ];
        foreach ($cases as $what => [$call, $script]) {
            $fs->reset();
            if ($script) {
                $fs->script(...$script);
            }
            $e = $this->catchThrowable($call);
            $this->assertThrowableHasNoSecret($e, $what);
        }
    }

    public function testGuzzleStyleExceptionsCarryNoAuthorization(): void
    {
        self::loadGuzzle();
        ini_set('customerio.exceptions', 'auto');
        $fs = self::faultServer();
        $client = $this->clientAt($fs->url(), ['retries' => 1]);
        $fs->script(['close'], ['close'])->respond(503)->respond(503);

        foreach (['connect' => fn () => $client->track->entity(self::eventOp()),
            'server' => fn () => $client->track->batch(['batch' => [self::eventOp()]])] as $what => $call) {
            $e = $this->catchThrowable($call);
            $this->assertInstanceOf(\GuzzleHttp\Exception\TransferException::class, $e, $what);
            $this->assertNoSecret($e->getMessage(), $what);
            $request = $e->getRequest();
            $this->assertSame('', $request->getHeaderLine('Authorization'), "$what: the PSR-7 request has no credentials");
            $this->assertNoSecret(json_encode($request->getHeaders()), "$what: request headers");
            $this->assertNoSecret((string) $request->getUri(), "$what: request URI");
        }
    }

    public function testDumpsOfAClientWithAQueueAndOnErrorShowNoKeys(): void
    {
        $client = $this->appClient(['retries' => 0, 'on_error' => function (\Throwable $e, array $ops): void {
        }, 'max_batch_bytes' => 1000, 'max_retry_time' => 3]);
        $client->track->queue(self::eventOp());

        ob_start();
        var_dump($client);
        $dump = (string) ob_get_clean();
        $this->assertStringContainsString('Customerio\Client', $dump);
        $this->assertNoSecret($dump, 'var_dump');
        $this->assertNoSecret(print_r($client, true), 'print_r');
        $this->assertNoSecret((string) @var_export($client, true), 'var_export');
        $this->assertNoSecret(serialize(array_keys((array) $client)), 'array cast');
        $this->assertNoSecret(print_r($client->track, true), 'print_r of the Track endpoint');

        $client->track->flush();
    }

    public function testTheBackgroundFailureWarningOnErrorAndSpoolShowNoKeys(): void
    {
        $dir = $this->tempDir();
        $code = sprintf('$c = new Customerio\Client(%s, %s, ["track_url" => %s, "retries" => 1,
                "on_error" => function (Throwable $e, array $ops) { echo "on_error: ", $e->getMessage(), "\n", $e, "\n", json_encode($ops), "\n"; }]);
            $c->setAppAPIKey(%s);
            $c->track->queue(%s);
            $c->track->queue(%s);
            echo "done\n";',
            var_export(self::API_KEY, true), var_export(self::SITE_ID, true), var_export(self::DEAD_URL, true),
            var_export(self::APP_KEY, true), var_export(self::eventOp(), true), var_export(self::identifyOp(), true));

        $run = $this->runPhpFull($code, ['customerio.spool_dir' => $dir, 'log_errors' => '1',
            'error_log' => "$dir/php.log", 'html_errors' => '0']);

        $this->assertSame(0, $run['status'], $run['stderr']);
        $this->assertStringContainsString('on_error: cURL error 7', $run['stdout']);
        $this->assertStringContainsString('customerio: 2 Track v2 operation(s) not delivered', $run['stderr']);
        $this->assertNoSecret($run['stdout'], 'on_error arguments');
        $this->assertNoSecret($run['stderr'], 'displayed warning');
        $this->assertNoSecret((string) file_get_contents("$dir/php.log"), 'logged warning');
        $this->assertNoSecret((string) file_get_contents("$dir/customerio-spool.jsonl"), 'spool');
    }
}
