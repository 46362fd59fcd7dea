<?php
/*
 * Benchmark d's CLI parts, one JSON line each (bench/run adds the stand-in's log stats):
 *
 *   php spool_bench.php cpu   TRACK_URL CA API_KEY SITE_ID SPOOL_DIR CALLS
 *       CPU (getrusage, in-process, around the calls only) of CALLS spool-mode queue() calls, after a warm-up.
 *   php spool_bench.php drain TRACK_URL CA API_KEY SITE_ID SPOOL_DIR OPS
 *       fills the spool with OPS operations (not timed), then times drain(['once' => true]): the sender's
 *       throughput (what bin/customerio-sender runs).
 */
require __DIR__ . '/payloads.php';

[, $mode, $url, $ca, $key, $site, $dir, $n] = $argv;
$n = (int) $n;
ini_set('customerio.spool_dir', $dir);
$client = new Customerio\Client($key, $site, ['track_url' => $url, 'verify' => $ca, 'queue_mode' => 'spool']);

function cpu_us(): float
{
    $u = getrusage();
    return $u['ru_utime.tv_sec'] * 1e6 + $u['ru_utime.tv_usec'] + $u['ru_stime.tv_sec'] * 1e6 + $u['ru_stime.tv_usec'];
}

function spool_bytes(string $dir): int
{
    clearstatcache();
    return array_sum(array_map('filesize', glob("$dir/customerio-*.{spool.*,seg}", GLOB_BRACE) ?: []));
}

$op = bench_entity_payload();
if ($mode === 'cpu') {
    for ($i = 0; $i < 200; $i++) {
        $client->track->queue($op);
    }
    $before = spool_bytes($dir);
    $wall = hrtime(true);
    $cpu = cpu_us();
    for ($i = 0; $i < $n; $i++) {
        $client->track->queue($op);
    }
    $cpu = cpu_us() - $cpu;
    $wall = (hrtime(true) - $wall) / 1e3;
    echo json_encode(['calls' => $n, 'cpu_us' => $cpu, 'wall_us' => $wall, 'bytes' => spool_bytes($dir) - $before]), "\n";
    foreach (glob("$dir/customerio-*") ?: [] as $f) {
        unlink($f);
    }
} elseif ($mode === 'drain') {
    $events = bench_batch_payload($n)['batch'];
    foreach ($events as $event) {
        $client->track->queue($event);
    }
    $bytes = spool_bytes($dir);
    $wall = hrtime(true);
    $cpu = cpu_us();
    $result = $client->track->drain(['once' => true]);
    $cpu = cpu_us() - $cpu;
    $wall = (hrtime(true) - $wall) / 1e3;
    echo json_encode(['ops' => $n, 'bytes' => $bytes, 'wall_us' => $wall, 'cpu_us' => $cpu] + $result), "\n";
}
