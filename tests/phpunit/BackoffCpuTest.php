<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

/**
 * A retry backoff waits without burning CPU. With libcurl < 7.66 curl_multi_wait() returns at once when no
 * transfer is attached, so a naive wait loop spins a core for the whole Retry-After; tools/matrix's host-oldcurl
 * target builds the extension on that older path (CIO_HAVE_MULTI_POLL=0) and runs this test too.
 */
final class BackoffCpuTest extends TestCase
{
    private static function cpuSeconds(): float
    {
        $u = getrusage();
        return $u['ru_utime.tv_sec'] + $u['ru_utime.tv_usec'] / 1e6 + $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6;
    }

    public function testRetryAfterWaitUsesAlmostNoCpu(): void
    {
        $fs = self::faultServer();
        $fs->respond(503, '', ['Retry-After' => '1'])->respond(200, '{"ok":"after the wait"}');
        $client = $this->clientAt($fs->url(), ['retries' => 1]);

        $cpu = self::cpuSeconds();
        $start = microtime(true);
        $result = $client->track->entity(self::identifyOp());
        $elapsed = microtime(true) - $start;
        $cpu = self::cpuSeconds() - $cpu;

        $this->assertEquals((object) ['ok' => 'after the wait'], $result);
        $this->assertCount(2, $fs->requests());
        $this->assertGreaterThanOrEqual(0.95, $elapsed, 'the retry waited for Retry-After: 1');
        $this->assertLessThan(0.25, $cpu, sprintf('CPU during a %.2f s backoff', $elapsed));
    }
}
