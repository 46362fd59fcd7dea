<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Exception\ClientException;
use Customerio\Exception\ConnectException;
use Customerio\Exception\ServerException;
use Customerio\Tests\FaultServer;

/**
 * Retries: which failures are retried, how often (option `retries`, ini customerio.retries, default 2), the
 * full-jitter backoff (100 ms doubling, capped at 2 s), Retry-After, max_retry_time, X-Retry-Count.
 * Timings come from the fault server's arrival times.
 */
final class ReliabilityRetryTest extends TestCase
{
    /** Scheduling slack for one gap between two attempts, in seconds. */
    private const SLACK = 0.08;

    private FaultServer $fs;

    protected function setUp(): void
    {
        parent::setUp();
        $this->fs = self::faultServer();
    }

    /** @return list<float> seconds between consecutive requests */
    private function gaps(): array
    {
        $t = array_column($this->fs->requests(), 't');
        $gaps = [];
        for ($i = 1; $i < count($t); $i++) {
            $gaps[] = $t[$i] - $t[$i - 1];
        }
        return $gaps;
    }

    /** The X-Retry-Count header of each request ('-' when absent). */
    private function retryCounts(array $requests): array
    {
        return array_map(fn ($r) => $r['headers']['x-retry-count'] ?? '-', $requests);
    }

    // ---- what is retried ----

    public static function retryableStatuses(): array
    {
        return ['408' => [408], '429' => [429], '500' => [500], '502' => [502], '503' => [503], '504' => [504]];
    }

    /** @dataProvider retryableStatuses */
    #[\PHPUnit\Framework\Attributes\DataProvider('retryableStatuses')]
    public function testRetryableStatusIsRetriedAndTheFinalAnswerReturned(int $status): void
    {
        $this->fs->respond($status, '{"attempt":1}')->respond($status, '{"attempt":2}')->respond(200, '{"ok":"third"}');
        $op = self::eventOp();

        $result = $this->clientAt($this->fs->url(), ['retries' => 2])->track->entity($op);

        $this->assertEquals((object) ['ok' => 'third'], $result);
        $requests = $this->fs->requests();
        $this->assertCount(3, $requests);
        $this->assertSame(['-', '1', '2'], $this->retryCounts($requests), 'X-Retry-Count: none, 1, 2');
        foreach ($requests as $r) {
            $this->assertSame('POST', $r['method']);
            $this->assertSame('/api/v2/entity', $r['path']);
            $this->assertSame($requests[0]['body'], $r['body'], 'every attempt sends the same bytes');
            $this->assertSame($this->basicAuth(), $r['headers']['authorization']);
        }
    }

    public static function nonRetryableStatuses(): array
    {
        return ['400' => [400], '401' => [401], '403' => [403], '404' => [404], '409' => [409], '413' => [413],
            '422' => [422]];
    }

    /** @dataProvider nonRetryableStatuses */
    #[\PHPUnit\Framework\Attributes\DataProvider('nonRetryableStatuses')]
    public function testOtherClientErrorsAreNotRetried(int $status): void
    {
        $this->fs->respond($status, '{"errors":[{"reason":"nope"}]}')->respond(200, '{"ok":"should not be reached"}');

        $e = $this->catchThrowable(fn () => $this->clientAt($this->fs->url(), ['retries' => 2])
            ->track->entity(self::identifyOp()));

        $this->assertExactClass(ClientException::class, $e);
        $this->assertSame($status, $e->getCode());
        $this->assertCount(1, $this->fs->requests(), "a $status is final: one request only");
        $this->assertSame('-', $this->retryCounts($this->fs->requests())[0]);
    }

    public function testExhaustedRetriesThrowTheLastError(): void
    {
        $this->fs->respond(500, '{"n":"first"}')->respond(502, '{"n":"second"}')->respond(503, '{"n":"third"}')
            ->respond(200, '{"ok":"too late"}');

        $e = $this->catchThrowable(fn () => $this->clientAt($this->fs->url(), ['retries' => 2])
            ->track->batch(['batch' => [self::identifyOp()]]));

        $this->assertExactClass(ServerException::class, $e);
        $this->assertSame(503, $e->getCode());
        $this->assertSame(503, $e->getStatusCode());
        $this->assertSame('{"n":"third"}', $e->getResponseBody());
        $this->assertStringContainsString('503 Service Unavailable', $e->getMessage());
        $this->assertCount(3, $this->fs->requests());
        $this->assertSame(1, $this->fs->pending(), 'the fourth answer was never asked for');
    }

    public function testExhaustedRetriesOnA429ThrowClientException429(): void
    {
        $this->fs->respond(429, '{"n":1}')->respond(429, '{"n":2}');

        $e = $this->catchThrowable(fn () => $this->clientAt($this->fs->url(), ['retries' => 1])
            ->track->entity(self::identifyOp()));

        $this->assertExactClass(ClientException::class, $e);
        $this->assertSame(429, $e->getCode());
        $this->assertSame('{"n":2}', $e->getResponseBody());
        $this->assertCount(2, $this->fs->requests());
    }

    public function testDefaultIsTwoRetriesFromTheIni(): void
    {
        ini_restore('customerio.retries');
        $this->assertSame('2', ini_get('customerio.retries'), 'the ini default');
        $this->fs->respond(503)->respond(503)->respond(503)->respond(200, '{"n":4}');

        $e = $this->catchThrowable(fn () => $this->clientAt($this->fs->url())->track->entity(self::identifyOp()));

        $this->assertExactClass(ServerException::class, $e);
        $this->assertCount(3, $this->fs->requests(), '1 attempt + 2 retries');
    }

    public function testIniRetriesAppliesAndTheOptionWins(): void
    {
        ini_set('customerio.retries', '1');
        $this->fs->respond(500)->respond(500)->respond(500);
        $this->catchThrowable(fn () => $this->clientAt($this->fs->url())->track->entity(self::identifyOp()));
        $this->assertCount(2, $this->fs->requests(), 'ini customerio.retries=1');

        $this->fs->reset()->respond(500)->respond(500)->respond(500)->respond(500);
        $this->catchThrowable(fn () => $this->clientAt($this->fs->url(), ['retries' => 3])->track->entity(self::identifyOp()));
        $this->assertCount(4, $this->fs->requests(), 'option retries=3 over ini 1');

        $this->fs->reset()->respond(500)->respond(500);
        $this->catchThrowable(fn () => $this->clientAt($this->fs->url(), ['retries' => 0])->track->entity(self::identifyOp()));
        $this->assertCount(1, $this->fs->requests(), 'option retries=0');
    }

    public function testRetriesApplyToEveryApiNotOnlyTrackV2(): void
    {
        $client = $this->clientAt($this->fs->url(), ['retries' => 1]);
        $client->setAppAPIKey(self::APP_KEY);
        $this->fs->respond(503)->respond(200, '{"customers":[]}')->respond(502)->respond(200, '{"v1":true}');

        $this->assertEquals((object) ['customers' => []], $client->get('customers', ['email' => 'a@b.c']));
        $this->assertEquals((object) ['v1' => true], $client->customers->event(['id' => 7, 'name' => 'x']));

        $requests = $this->fs->requests();
        $this->assertSame(['GET', 'GET', 'POST', 'POST'], array_column($requests, 'method'));
        $this->assertSame(['-', '1', '-', '1'], $this->retryCounts($requests));
        $this->assertSame('Bearer ' . self::APP_KEY, $requests[1]['headers']['authorization']);
    }

    // ---- connection failures ----

    public static function connectionFaults(): array
    {
        return ['closed without answer' => ['close'], 'cut mid-body' => ['partial'], 'no answer in time' => ['silent']];
    }

    /** @dataProvider connectionFaults */
    #[\PHPUnit\Framework\Attributes\DataProvider('connectionFaults')]
    public function testConnectionFailuresAreRetried(string $fault): void
    {
        $this->fs->script([$fault, 3], [$fault, 3])->respond(200, '{"ok":"after faults"}');
        $op = self::eventOp();

        $start = microtime(true);
        $result = $this->clientAt($this->fs->url(), ['retries' => 2, 'timeout' => 0.3])->track->entity($op);
        $elapsed = microtime(true) - $start;

        $this->assertEquals((object) ['ok' => 'after faults'], $result);
        $requests = $this->fs->requests();
        $this->assertCount(3, $requests);
        $this->assertSame(['-', '1', '2'], $this->retryCounts($requests));
        $this->assertSame($requests[0]['body'], $requests[2]['body']);
        $this->assertLessThan(2.5, $elapsed);
    }

    public function testRefusedConnectionIsRetriedQuicklyThenThrowsConnectException(): void
    {
        $client = $this->clientAt(self::DEAD_URL, ['retries' => 2]);

        $start = microtime(true);
        $e = $this->catchThrowable(fn () => $client->track->entity(self::identifyOp()));
        $elapsed = microtime(true) - $start;

        $this->assertExactClass(ConnectException::class, $e);
        $this->assertStringContainsString('127.0.0.1:1', $e->getMessage());
        $this->assertStringStartsWith('cURL error 7:', $e->getMessage());
        // 3 refused attempts and two waits of at most 100 + 200 ms
        $this->assertLessThan(1.0, $elapsed);
    }

    public function testAllConnectionAttemptsFailingThrowsConnectExceptionAfterRetries(): void
    {
        $this->fs->script(['close'], ['close'], ['close'])->respond(200, '{"ok":"too late"}');

        $e = $this->catchThrowable(fn () => $this->clientAt($this->fs->url(), ['retries' => 2])
            ->track->entity(self::identifyOp()));

        $this->assertExactClass(ConnectException::class, $e);
        $this->assertCount(3, $this->fs->requests());
        $this->assertSame(1, $this->fs->pending());
    }

    // ---- backoff ----

    public function testBackoffIsFullJitterDoublingFrom100Ms(): void
    {
        $normalized = [];
        for ($run = 0; $run < 6; $run++) {
            $this->fs->reset()->respond(503)->respond(503)->respond(503)->respond(200, '{"ok":1}');
            $this->clientAt($this->fs->url(), ['retries' => 3])->track->entity(self::identifyOp());
            $gaps = $this->gaps();
            $this->assertCount(3, $gaps);
            foreach ([0.1, 0.2, 0.4] as $k => $cap) {
                $this->assertLessThanOrEqual($cap + self::SLACK, $gaps[$k], "wait before retry " . ($k + 1)
                    . " is at most {$cap} s");
                $normalized[] = $gaps[$k] / $cap;
            }
        }
        // 18 waits, each uniform in [0, cap]: some short and some long ones (a fixed or "equal jitter" wait fails)
        $this->assertLessThan(0.35, min($normalized), 'full jitter: waits near 0 occur');
        $this->assertGreaterThan(0.65, max($normalized), 'full jitter: waits near the cap occur');
        // the cap doubles: the third wait (cap 400 ms) exceeded 100 ms at least once in 6 runs
        $third = array_filter($normalized, fn ($i) => $i % 3 === 2, ARRAY_FILTER_USE_KEY);
        $this->assertGreaterThan(0.25, max($third), 'the backoff cap doubles');
    }

    public function testBackoffIsCappedAtTwoSeconds(): void
    {
        for ($i = 0; $i < 7; $i++) {
            $this->fs->respond(503);
        }
        $this->fs->respond(200, '{"ok":1}');

        $this->clientAt($this->fs->url(), ['retries' => 7, 'max_retry_time' => 30])->track->entity(self::identifyOp());

        $gaps = $this->gaps();
        $this->assertCount(7, $gaps);
        foreach ([0.1, 0.2, 0.4, 0.8, 1.6, 2.0, 2.0] as $k => $cap) {
            $this->assertLessThanOrEqual($cap + self::SLACK, $gaps[$k], 'wait before retry ' . ($k + 1));
        }
    }

    // ---- Retry-After ----

    public function testRetryAfterSecondsIsHonoured(): void
    {
        $this->fs->respond(429, '{"slow":"down"}', ['Retry-After' => '1'])->respond(200, '{"ok":1}');

        $start = microtime(true);
        $result = $this->clientAt($this->fs->url(), ['retries' => 2])->track->entity(self::identifyOp());
        $elapsed = microtime(true) - $start;

        $this->assertEquals((object) ['ok' => 1], $result);
        $this->assertCount(2, $this->fs->requests());
        $this->assertGreaterThanOrEqual(0.95, $this->gaps()[0], 'the second attempt waits for Retry-After: 1');
        $this->assertLessThan(1.6, $elapsed);
    }

    public function testRetryAfterHttpDateIsHonoured(): void
    {
        $this->fs->respond(503, '', ['Retry-After' => gmdate('D, d M Y H:i:s', time() + 2) . ' GMT'])
            ->respond(200, '{"ok":"dated"}');

        $result = $this->clientAt($this->fs->url(), ['retries' => 1])->track->entity(self::identifyOp());

        $this->assertEquals((object) ['ok' => 'dated'], $result);
        $gap = $this->gaps()[0];
        // a date 2 s ahead of the current whole second: between 1 and 2 s from now
        $this->assertGreaterThanOrEqual(0.9, $gap, 'waited for the Retry-After date');
        $this->assertLessThan(2.6, $gap);
    }

    public function testRetryAfterDateInThePastRetriesAtOnce(): void
    {
        $this->fs->respond(429, '', ['Retry-After' => gmdate('D, d M Y H:i:s', time() - 3600) . ' GMT'])
            ->respond(200, '{"ok":1}');

        $this->clientAt($this->fs->url(), ['retries' => 1])->track->entity(self::identifyOp());

        $this->assertCount(2, $this->fs->requests());
        $this->assertLessThan(0.3, $this->gaps()[0]);
    }

    public function testRetryAfterBeyondMaxRetryTimeGivesUpAtOnce(): void
    {
        $this->fs->respond(429, '{"errors":[{"reason":"rate"}]}', ['Retry-After' => '5'])->respond(200, '{"ok":1}');

        $start = microtime(true);
        $e = $this->catchThrowable(fn () => $this->clientAt($this->fs->url(), ['retries' => 2, 'max_retry_time' => 0.5])
            ->track->entity(self::identifyOp()));
        $elapsed = microtime(true) - $start;

        $this->assertExactClass(ClientException::class, $e);
        $this->assertSame(429, $e->getCode());
        $this->assertCount(1, $this->fs->requests());
        $this->assertLessThan(0.4, $elapsed, 'no waiting for a retry that cannot happen in time');
    }

    public function testRetryAfterBeyondTheDefaultMaxRetryTimeGivesUpAtOnce(): void
    {
        $this->fs->respond(503, '', ['Retry-After' => '30'])->respond(200, '{"ok":1}');

        $start = microtime(true);
        $e = $this->catchThrowable(fn () => $this->clientAt($this->fs->url(), ['retries' => 2])
            ->track->entity(self::identifyOp()));

        $this->assertExactClass(ServerException::class, $e);
        $this->assertLessThan(0.4, microtime(true) - $start, 'the default max_retry_time is 10 s');
        $this->assertCount(1, $this->fs->requests());
    }

    public function testAnAbsurdlyLargeRetryAfterGivesUpAtOnce(): void
    {
        $this->fs->respond(503, '{"n":1}', ['Retry-After' => '99999999999999999999'])->respond(200, '{"ok":1}');

        $start = microtime(true);
        $e = $this->catchThrowable(fn () => $this->clientAt($this->fs->url(), ['retries' => 2])
            ->track->entity(self::identifyOp()));

        $this->assertExactClass(ServerException::class, $e, 'a wait of ~3e12 years is beyond max_retry_time');
        $this->assertCount(1, $this->fs->requests());
        $this->assertLessThan(0.4, microtime(true) - $start);
    }

    // ---- max_retry_time ----

    public function testTheWholeCallStaysWithinMaxRetryTime(): void
    {
        for ($i = 0; $i < 60; $i++) {
            $this->fs->respond(503, '{"busy":true}');
        }

        $start = microtime(true);
        $e = $this->catchThrowable(fn () => $this->clientAt($this->fs->url(), ['retries' => 100, 'max_retry_time' => 1])
            ->track->entity(self::identifyOp()));
        $elapsed = microtime(true) - $start;

        $this->assertExactClass(ServerException::class, $e);
        $this->assertLessThan(1.25, $elapsed);
        $this->assertGreaterThanOrEqual(3, count($this->fs->requests()), 'several retries fit in 1 s');
    }

    public function testSlowAttemptsStayWithinMaxRetryTime(): void
    {
        $this->fs->script(['silent', 5], ['silent', 5], ['silent', 5], ['silent', 5], ['silent', 5]);

        $start = microtime(true);
        $e = $this->catchThrowable(fn () => $this->clientAt($this->fs->url(),
            ['retries' => 5, 'timeout' => 0.4, 'max_retry_time' => 1])->track->entity(self::identifyOp()));
        $elapsed = microtime(true) - $start;

        $this->assertExactClass(ConnectException::class, $e);
        $this->assertStringStartsWith('cURL error 28:', $e->getMessage());
        $this->assertLessThan(1.3, $elapsed, 'a retry only gets what is left of max_retry_time');
        $this->assertGreaterThanOrEqual(2, count($this->fs->requests()));
    }

    public function testTheFirstAttemptAlsoStaysWithinMaxRetryTime(): void
    {
        $this->fs->script(['silent', 5], ['silent', 5]);

        $start = microtime(true);
        $e = $this->catchThrowable(fn () => $this->clientAt($this->fs->url(),
            ['retries' => 2, 'timeout' => 2, 'max_retry_time' => 1])->track->entity(self::identifyOp()));
        $elapsed = microtime(true) - $start;

        $this->assertExactClass(ConnectException::class, $e);
        $this->assertLessThan(1.4, $elapsed, 'the whole call, first attempt included, stays within max_retry_time');
    }
}
