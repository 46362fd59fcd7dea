<?php
/*
 * One contender, one measurement, one JSON line on stdout (bench/run collects them).
 *
 *   php client_bench.php ext|ext-h2|userland|floor seq   TRACK_URL CA_FILE API_KEY SITE_ID CALLS|- WARMUP
 *   php client_bench.php ext|ext-h2|userland batch       TRACK_URL CA_FILE API_KEY SITE_ID OPS
 *
 * ext: the extension as configured by default (http_version auto); ext-h2: with http_version "2"; floor: ext/curl
 * with everything set once (CurlFloorClient in userland_client.php), seq only.
 *
 * Everything is measured inside the process around the calls only, so PHP start-up, the TLS handshake (done in
 * the warm-up) and building the input are not charged to the contender.
 */

require __DIR__ . '/payloads.php';
require __DIR__ . '/userland_client.php';

if ($argc < 8) {
    fwrite(STDERR, "usage: see the header of " . __FILE__ . "\n");
    exit(2);
}
[, $who, $mode, $trackUrl, $ca, $apiKey, $siteId, $count] = $argv;
$count = (int)$count;
$warmup = (int)($argv[8] ?? 1);

$client = match ($who) {
    'ext' => new Customerio\Client($apiKey, $siteId, ['track_url' => $trackUrl, 'verify' => $ca, 'timeout' => 30]),
    'ext-h2' => new Customerio\Client($apiKey, $siteId,
        ['track_url' => $trackUrl, 'verify' => $ca, 'timeout' => 30, 'http_version' => '2']),
    'userland' => new UserlandClient($apiKey, $siteId, $trackUrl, $ca),
    'floor' => new CurlFloorClient($apiKey, $siteId, $trackUrl, $ca, bench_entity_payload()),
};
$track = $client->track;

// user + system CPU of this process (libcurl and OpenSSL run in-process, so they are included), in microseconds
function cpu_us(): float
{
    $r = getrusage();
    return $r['ru_utime.tv_sec'] * 1e6 + $r['ru_utime.tv_usec'] + $r['ru_stime.tv_sec'] * 1e6 + $r['ru_stime.tv_usec'];
}

$entity = bench_entity_payload();
// Opens the connection (TCP + TLS + HTTP/2 settings) and warms caches before anything is timed.
for ($i = 0; $i < $warmup; $i++) {
    $track->entity($entity);
}

if ($mode === 'seq') {
    $chunk = function (int $n) use ($track, $entity): string {
        $c0 = cpu_us();
        $w0 = hrtime(true);
        for ($i = 0; $i < $n; $i++) {
            $track->entity($entity);
        }
        $w1 = hrtime(true);
        $c1 = cpu_us();
        return json_encode(['calls' => $n, 'cpu_us' => $c1 - $c0, 'wall_us' => ($w1 - $w0) / 1e3]) . "\n";
    };
    if ($count > 0) {
        echo $chunk($count);
        exit(0);
    }
    // CALLS "-": driven by interleave.php. "ready" once warm, then one timed chunk per number read on stdin, so
    // the contenders can take turns in short slices while each keeps its warm connection.
    echo "ready\n";
    while (($line = fgets(STDIN)) !== false && (int)$line > 0) {
        echo $chunk((int)$line);
    }
    exit(0);
}

if ($mode === 'batch') {
    $m0 = memory_get_usage();
    $payload = bench_batch_payload($count);
    gc_collect_cycles();
    $base = memory_get_usage();
    // The peak is measured from here: only what batch() itself allocates on top of the input array counts.
    memory_reset_peak_usage();
    // BATCH_CALLS calls in this warm process, as a worker makes them; the median call is reported, so one call
    // that met a page-fault storm or a busy neighbour (this machine is shared) does not decide the round.
    $cpu = $wall = [];
    for ($k = 0; $k < max(1, (int)(getenv('BATCH_CALLS') ?: 1)); $k++) {
        $c0 = cpu_us();
        $w0 = hrtime(true);
        $track->batch($payload);
        $w1 = hrtime(true);
        $cpu[] = cpu_us() - $c0;
        $wall[] = ($w1 - $w0) / 1e3;
    }
    $peak = memory_get_peak_usage() - $base;
    // Encoded again only now, after the peak was read, to report the body size without disturbing the measurement.
    $bytes = strlen(json_encode($payload, BENCH_JSON_FLAGS));
    $median = function (array $xs): float {
        sort($xs);
        $n = count($xs);
        return $n % 2 ? $xs[intdiv($n, 2)] : ($xs[$n / 2 - 1] + $xs[$n / 2]) / 2;
    };
    echo json_encode([
        'ops' => $count, 'body_bytes' => $bytes, 'input_bytes' => $base - $m0, 'peak_above_input' => $peak,
        'calls' => count($cpu), 'cpu_us' => $median($cpu), 'wall_us' => $median($wall), 'cpu_us_each' => $cpu,
    ]), "\n";
    exit(0);
}

fwrite(STDERR, "unknown mode $mode\n");
exit(2);
