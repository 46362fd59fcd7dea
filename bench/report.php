<?php
/*
 * Turns bench/run's results (one JSON object per contender run) into the Markdown report.
 *
 * The machine is shared and noisy, so absolute numbers drift between runs. Contenders ran interleaved in rounds;
 * a ratio is taken WITHIN each round (contenders that ran seconds apart saw the same machine) and the median of
 * those per-round ratios is reported. Absolute columns are medians over rounds, for orientation only.
 *
 *   php report.php results.jsonl > results.md
 */

$rows = [];
$meta = [];
$seqlog = [];
foreach (file($argv[1] ?? 'php://stdin', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
    $row = json_decode($line, true, 16, JSON_THROW_ON_ERROR);
    if ($row['bench'] === 'meta') {
        $meta = $row;
    } elseif ($row['bench'] === 'seqlog') {
        $seqlog[$row['contender']] = $row;   // benchmark a's stand-in log, per contender
    } else {
        $rows[$row['bench']][$row['contender']][$row['round']] = $row;
    }
}

function median(array $xs): float
{
    $xs = array_values(array_filter($xs, fn($x) => $x !== null));
    if (!$xs) {
        return NAN;
    }
    sort($xs);
    $n = count($xs);
    return $n % 2 ? $xs[intdiv($n, 2)] : ($xs[$n / 2 - 1] + $xs[$n / 2]) / 2;
}

/** Median over rounds of f(row). */
function med(array $runs, callable $f): float
{
    return median(array_map($f, $runs));
}

/** Median over the rounds both ran of f(a's row) / f(b's row). */
function ratio(array $a, array $b, callable $f): float
{
    $rs = [];
    foreach ($a as $round => $row) {
        if (isset($b[$round]) && $f($b[$round]) > 0) {
            $rs[] = $f($row) / $f($b[$round]);
        }
    }
    return median($rs);
}

/** min..max of the per-round ratios: how much the rounds disagreed. */
function spread(array $a, array $b, callable $f): string
{
    $rs = [];
    foreach ($a as $round => $row) {
        if (isset($b[$round]) && $f($b[$round]) > 0) {
            $rs[] = $f($row) / $f($b[$round]);
        }
    }
    return $rs ? sprintf('%.2f–%.2f', min($rs), max($rs)) : '–';
}

function n(float $x, int $dec = 1): string
{
    return is_nan($x) ? '–' : number_format($x, $dec, '.', ',');
}

// A ratio beside its target: two decimals, three where two would print the target itself (0.895 is not 0.90).
function nt(float $x, float $target): string
{
    return n($x, !is_nan($x) && round($x, 2) === round($target, 2) && $x !== $target ? 3 : 2);
}

function verdict(float $x, string $op, float $target): string
{
    if (is_nan($x)) {
        return 'n/a';
    }
    return ($op === '<=' ? $x <= $target : $x >= $target) ? 'met' : '**not met**';
}

$sum = fn(array $runs, string $k) => array_sum(array_column($runs, $k));
$out = [];
$summary = [];

/* ------------------------------------------------------------------------------------------------------ a. */
$seq = $rows['seq'] ?? [];
$seqNames = [
    'ext' => 'extension, default (`http_version` auto)',
    'ext-h2' => 'extension, `http_version` `2`',
    'userland' => 'user-land PHP (ext/curl, 1 handle, libcurl\'s default protocol)',
    'floor' => 'PHP floor: ext/curl, everything (body too) set once, `curl_exec()` per call, HTTP/1.1',
    'c-h1' => 'C libcurl loop, HTTP/1.1',
    'c-h2' => 'C libcurl loop, HTTP/2',
];
$cpu = fn($r) => $r['cpu_us'] / $r['calls'];
$wall = fn($r) => $r['wall_us'] / $r['calls'];
// Per round, the cheaper of the two C loops: the floor for "the default path" whatever protocol it picked.
$cheaper = [];
foreach ($seq['c-h1'] ?? [] as $round => $row) {
    if (isset($seq['c-h2'][$round])) {
        $cheaper[$round] = $cpu($row) <= $cpu($seq['c-h2'][$round]) ? $row : $seq['c-h2'][$round];
    }
}
$vs = fn(string $who, array $floor) => empty($seq[$who]) || !$floor ? '–'
    : n(ratio($seq[$who], $floor, $cpu), 2) . '× (' . spread($seq[$who], $floor, $cpu) . ')';
$out[] = sprintf('### a. Sequential keep-alive `entity()` calls (one warm process per contender, %d rounds × %s calls each, interleaved)',
    $meta['seq_rounds'] ?? 0, number_format($meta['seq_calls'] ?? 0));
$out[] = '';
$out[] = '| contender | CPU µs/call | wall µs/call | CPU ÷ C loop HTTP/1.1 (median, range) | CPU ÷ C loop HTTP/2 (median, range) | TLS conns / 1000 calls | protocol | calls logged / made |';
$out[] = '|---|---:|---:|---:|---:|---:|---|---:|';
foreach ($seqNames as $who => $label) {
    if (empty($seq[$who])) {
        continue;
    }
    $runs = $seq[$who];
    $log = $seqlog[$who] ?? ['conns' => 0, 'logged' => 0, 'proto' => '?', 'made' => 0];
    $out[] = sprintf('| %s | %s | %s | %s | %s | %s | %s | %s / %s |', $label, n(med($runs, $cpu), 1), n(med($runs, $wall), 1),
        $vs($who, $seq['c-h1'] ?? []), $vs($who, $seq['c-h2'] ?? []),
        n(1000 * $log['conns'] / max(1, $log['logged']), 2), $log['proto'],
        number_format($log['logged']), number_format($log['made'] ?? 0));
}
$out[] = '';
$seqRatio = function (string $label, string $who, array $floor, ?float $target) use (&$summary, $seq, $cpu) {
    if (!empty($seq[$who]) && $floor) {
        $x = ratio($seq[$who], $floor, $cpu);
        $summary[] = [$label, ($target ? nt($x, $target) : n($x, 2)) . '× (' . spread($seq[$who], $floor, $cpu) . ')',
            $target ? '≤ ' . n($target, 2) . '×' : '', $target ? verdict($x, '<=', $target) : ''];
    }
};
$seqRatio('a. CPU per call, HTTP/1.1: extension (default) ÷ C libcurl loop', 'ext', $seq['c-h1'] ?? [], 1.10);
$seqRatio('a. CPU per call, HTTP/2: extension (`http_version` 2) ÷ C libcurl loop', 'ext-h2', $seq['c-h2'] ?? [], 1.10);
$seqRatio('a. CPU per call: extension (default) ÷ the cheaper C loop of the round', 'ext', $cheaper, 1.10);
$seqRatio('a. CPU per call: C loop HTTP/2 ÷ C loop HTTP/1.1 (the protocol\'s own cost)', 'c-h2', $seq['c-h1'] ?? [], null);
$seqRatio('a. CPU per call: extension HTTP/2 ÷ extension default', 'ext-h2', $seq['ext'] ?? [], null);
$seqRatio('a. CPU per call: user-land PHP ÷ extension (default)', 'userland', $seq['ext'] ?? [], null);
$seqRatio('a. CPU per call: PHP floor (ext/curl, nothing but `curl_exec()`) ÷ C loop HTTP/1.1', 'floor', $seq['c-h1'] ?? [], null);
$seqRatio('a. CPU per call, HTTP/1.1: extension (default) ÷ PHP floor', 'ext', $seq['floor'] ?? [], null);

/* ------------------------------------------------------------------------------------------------------ b. */
$fpm = $rows['fpm'] ?? [];
// Pages answered 2xx per second: a page whose call failed answers 500 fast and must not count as throughput.
$rps = fn($r) => $r['rps'] * max(0, $r['pages'] - $r['non2xx']) / max(1, $r['pages']);
$failed = fn($runs) => $sum($runs, 'non2xx') + $sum($runs, 'socket_errors') + $sum($runs, 'non200');
$connsPer1000 = fn($runs) => 1000 * $sum($runs, 'conns') / max(1, $sum($runs, 'logged'));
$out[] = sprintf('### b. php-fpm behind nginx, one `entity()` per page (%d workers pm=static, wrk %s, %d rounds, fresh pool per run)',
    $meta['fpm_workers'] ?? 0, $meta['wrk'] ?? '', $meta['fpm_rounds'] ?? 0);
$out[] = '';
$out[] = '| page | good pages/s | ÷ per-request page (median, range) | TLS conns / 1000 pages | of which resumed | failed pages | calls logged / pages |';
$out[] = '|---|---:|---:|---:|---:|---:|---:|';
foreach (['page_ext' => 'extension (`page_ext.php`)', 'page_per_request' => 'new connection per request (`page_per_request.php`)'] as $who => $label) {
    if (empty($fpm[$who])) {
        continue;
    }
    $runs = $fpm[$who];
    $r = $who === 'page_per_request' ? '1.00' : n(ratio($runs, $fpm['page_per_request'] ?? [], $rps), 2) . '× (' . spread($runs, $fpm['page_per_request'] ?? [], $rps) . ')';
    $out[] = sprintf('| %s | %s | %s | %s | %s | %d | %s |', $label, n(med($runs, $rps), 0), $r, n($connsPer1000($runs), 2),
        n(1000 * $sum($runs, 'resumed') / max(1, $sum($runs, 'logged')), 2),
        $failed($runs),
        number_format($sum($runs, 'logged')) . ' / ' . number_format($sum($runs, 'pages')));
}
$out[] = '';
if (!empty($fpm['page_ext']) && !empty($fpm['page_per_request'])) {
    $x = ratio($fpm['page_ext'], $fpm['page_per_request'], $rps);
    $bad = $failed($fpm['page_ext']) + $failed($fpm['page_per_request']);
    $summary[] = ['b. pages/s: extension ÷ new connection per request', n($x, 2) . '×', '≥ 5×',
        $bad ? "**not met**: $bad failed pages" : verdict($x, '>=', 5)];
}
// Why pages failed, as php's and nginx's error logs said it (bench/run keeps the three most frequent per run).
$reasons = [];
foreach ($fpm as $who => $runs) {
    foreach ($runs as $round => $r) {
        if (($r['errors'] ?? '') !== '') {
            $reasons[] = "- `$who`, round $round: {$r['non2xx']} failed pages, {$r['socket_errors']} socket errors. Most frequent errors (count, message):";
            foreach (explode("\n", $r['errors']) as $e) {
                $reasons[] = '  - `' . str_replace('`', "'", $e) . '`';
            }
        }
    }
}
if ($reasons) {
    $out[] = '**Failed pages:**';
    $out[] = '';
    array_push($out, ...$reasons);
    $out[] = '';
}
if (!empty($fpm['page_ext'])) {
    $x = $connsPer1000($fpm['page_ext']);
    $summary[] = ['b. TLS connections opened per 1000 pages, extension', n($x, 2), '≤ 5', verdict($x, '<=', 5)];
}
if (!empty($fpm['page_per_request'])) {
    $summary[] = ['b. TLS connections opened per 1000 pages, per-request page', n($connsPer1000($fpm['page_per_request']), 2), '', ''];
}

/* ------------------------------------------------------------------------------------------------------ c. */
$batch = $rows['batch'] ?? [];
$mbps = fn($r) => $r['body_bytes'] / $r['wall_us'];   // bytes per µs = MB/s (10^6 bytes)
$out[] = sprintf('### c. One `batch()` of %s person events (%d rounds; in each, every PHP contender makes %d calls in one process and its median call counts; MB = 10⁶ bytes)',
    number_format($meta['batch_ops'] ?? 0), $meta['batch_rounds'] ?? 0, $meta['batch_calls'] ?? 1);
$out[] = '';
$names = ['ext' => 'extension', 'userland' => 'user-land PHP (ext/curl, 1 handle)', 'c' => 'C libcurl loop'];
$cpuPerOp = fn($r) => $r['cpu_us'] / max(1, $meta['batch_ops'] ?? 1);
$out[] = '| contender | JSON body | wall ms | MB/s of JSON sent | ÷ extension (median) | CPU ms | CPU µs / operation | input array | peak memory above input | body received whole | requests logged (1 warm-up call included), protocol |';
$out[] = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|';
foreach ($names as $who => $label) {
    if (empty($batch[$who])) {
        continue;
    }
    $runs = $batch[$who];
    $first = $runs[array_key_first($runs)];
    // whole: every request answered 200 and at least the JSON's bytes arrived (the extension splits a batch over
    // max_batch_bytes into several requests, which together carry it)
    $whole = array_filter($runs, fn($r) => $r['non200'] === 0
        && ($r['total_request_length'] ?? $r['max_request_length']) >= $r['body_bytes']);
    $out[] = sprintf('| %s | %s MB | %s | %s | %s | %s | %s | %s | %s | %s | %s, %s |', $label, n($first['body_bytes'] / 1e6, 2),
        n(med($runs, fn($r) => $r['wall_us'] / 1e3), 0), n(med($runs, $mbps), 1),
        $who === 'ext' ? '1.00' : n(ratio($runs, $batch['ext'] ?? [], $mbps), 2) . '×',
        n(med($runs, fn($r) => $r['cpu_us'] / 1e3), 0), $who === 'c' ? '–' : n(med($runs, $cpuPerOp), 2),
        isset($first['input_bytes']) ? n($first['input_bytes'] / 1e6, 1) . ' MB' : '–',
        isset($first['peak_above_input']) ? n(med($runs, fn($r) => $r['peak_above_input'] / 1e6), 2) . ' MB' : '– (not PHP)',
        count($whole) === count($runs) ? 'yes, ' . count($runs) . '/' . count($runs) : '**NO** ' . count($whole) . '/' . count($runs),
        n(med($runs, fn($r) => $r['logged']), 0), $first['proto']);
}
$out[] = '';
if (!empty($batch['ext'])) {
    $e = $batch['ext'];
    $summary[] = ['c. batch throughput, extension (MB/s of JSON)', n(med($e, $mbps), 1), '', ''];
    if (!empty($batch['userland'])) {
        $summary[] = ['c. batch throughput: extension ÷ user-land PHP', n(ratio($e, $batch['userland'], $mbps), 2) . '×', '', ''];
        $x = ratio($e, $batch['userland'], $cpuPerOp);
        $summary[] = ['c. batch CPU per operation: extension ÷ user-land PHP (`json_encode()` + one ext/curl request)',
            nt($x, 1.0) . '× (' . spread($e, $batch['userland'], $cpuPerOp) . ')', '≤ 1.00×', verdict($x, '<=', 1.0)];
    }
    if (!empty($batch['c'])) {
        $summary[] = ['c. batch throughput: extension ÷ C loop sending pre-encoded JSON', n(ratio($e, $batch['c'], $mbps), 2) . '×', '', ''];
    }
    $x = med($e, fn($r) => $r['peak_above_input'] / $r['body_bytes']);
    $summary[] = ['c. peak memory above input ÷ JSON body size, extension', n($x, 2) . '×', '≤ 0.15×', verdict($x, '<=', 0.15)];
}

/* ------------------------------------------------------------------------------------------------------ d. */
$spoolPages = $rows['spoolpage'] ?? [];
if ($spoolPages) {
    $labels = ['page_noop' => 'nothing (`page_noop.php`)', 'page_ext' => '`entity()` (`page_ext.php`)',
        'page_queue_send' => '`queue()`, send mode (`page_queue_send.php`)',
        'page_queue_spool' => '`queue()`, spool mode + `customerio-sender` (`page_queue_spool.php`)'];
    $requestsPer1000 = fn($runs) => 1000 * $sum($runs, 'logged') / max(1, $sum($runs, 'pages'));
    $out[] = sprintf('### d. Spool mode: php-fpm pages side by side (%d workers, wrk %s, %d rounds, fresh pool per run)',
        $meta['fpm_workers'] ?? 0, $meta['spool_wrk'] ?? $meta['wrk'] ?? '', count($spoolPages['page_noop'] ?? []));
    $out[] = '';
    $out[] = '| page | good pages/s | ÷ noop page (median, range) | requests to Customer.io / 1000 pages | operations sent / pages | failed pages |';
    $out[] = '|---|---:|---:|---:|---:|---:|';
    foreach ($labels as $who => $label) {
        if (empty($spoolPages[$who])) {
            continue;
        }
        $runs = $spoolPages[$who];
        $sent = $who === 'page_queue_spool' ? number_format($sum($runs, 'sent')) . ' / ' . number_format($sum($runs, 'pages'))
            : ($who === 'page_noop' ? '–' : number_format($sum($runs, 'logged')) . ' requests / ' . number_format($sum($runs, 'pages')));
        $out[] = sprintf('| %s | %s | %s | %s | %s | %d |', $label, n(med($runs, $rps), 0),
            $who === 'page_noop' ? '1.00' : n(ratio($runs, $spoolPages['page_noop'] ?? [], $rps), 2) . '× ('
                . spread($runs, $spoolPages['page_noop'] ?? [], $rps) . ')',
            $who === 'page_noop' ? '–' : n($requestsPer1000($runs), 2), $sent, $failed($runs));
    }
    $out[] = '';
    foreach (['page_ext' => 'entity()', 'page_queue_send' => 'queue() send mode'] as $who => $label) {
        if (!empty($spoolPages[$who]) && !empty($spoolPages['page_noop'])) {
            $summary[] = ["d. pages/s: $label page ÷ noop page", n(ratio($spoolPages[$who], $spoolPages['page_noop'], $rps), 2) . '×', '', ''];
        }
    }
    if (!empty($spoolPages['page_queue_spool']) && !empty($spoolPages['page_noop'])) {
        $x = ratio($spoolPages['page_queue_spool'], $spoolPages['page_noop'], $rps);
        $bad = $failed($spoolPages['page_queue_spool']) + $failed($spoolPages['page_noop']);
        $summary[] = ['d. pages/s: queue() spool mode page ÷ noop page', nt($x, 0.90) . '× (' . spread($spoolPages['page_queue_spool'], $spoolPages['page_noop'], $rps) . ')', '≥ 0.90×',
            $bad ? "**not met**: $bad failed pages" : verdict($x, '>=', 0.90)];
        $runs = $spoolPages['page_queue_spool'];
        $x = $requestsPer1000($runs);
        $lost = $sum($runs, 'pages') - $sum($runs, 'sent');
        $summary[] = ['d. requests to Customer.io per 1000 tracked pages, spool mode', n($x, 2), '≤ 5',
            $lost > 0 ? "**not met**: $lost pages without their operation" : verdict($x, '<=', 5)];
    }
}
$spoolCpu = $rows['spoolcpu']['ext'] ?? [];
$spoolDrain = $rows['spooldrain']['ext'] ?? [];
if ($spoolCpu || $spoolDrain) {
    $out[] = '| spool mode, in one process | median | rounds |';
    $out[] = '|---|---:|---:|';
    if ($spoolCpu) {
        $out[] = sprintf('| CPU µs per spool-mode `queue()` call (%s calls per round; %s bytes of JSON line each) | %s | %d |',
            number_format($spoolCpu[array_key_first($spoolCpu)]['calls']),
            n(med($spoolCpu, fn($r) => $r['bytes'] / $r['calls']), 0), n(med($spoolCpu, fn($r) => $r['cpu_us'] / $r['calls']), 2),
            count($spoolCpu));
        $summary[] = ['d. CPU µs per spool-mode queue() call', n(med($spoolCpu, fn($r) => $r['cpu_us'] / $r['calls']), 2), '', ''];
    }
    if ($spoolDrain) {
        $ops = fn($r) => $r['sent'] / ($r['wall_us'] / 1e6);
        $first = $spoolDrain[array_key_first($spoolDrain)];
        $out[] = sprintf('| sender (`drain([\'once\' => true])`, %s events, %s MB spooled): operations/s | %s | %d |',
            number_format($first['ops']), n($first['bytes'] / 1e6, 1), n(med($spoolDrain, $ops), 0), count($spoolDrain));
        $out[] = sprintf('| sender: MB/s of JSON | %s | |', n(med($spoolDrain, fn($r) => $r['bytes'] / $r['wall_us']), 1));
        $out[] = sprintf('| sender: requests/s (operations per request) | %s (%s) | |',
            n(med($spoolDrain, fn($r) => $r['requests'] / ($r['wall_us'] / 1e6)), 1),
            n(med($spoolDrain, fn($r) => $r['sent'] / max(1, $r['requests'])), 0));
        $out[] = sprintf('| sender: CPU ÷ wall time | %s | |', n(med($spoolDrain, fn($r) => $r['cpu_us'] / $r['wall_us']), 2));
        $lost = array_sum(array_map(fn($r) => $r['ops'] - $r['sent'], $spoolDrain)) + $sum($spoolDrain, 'non200');
        $x = med($spoolDrain, $ops);
        $summary[] = ['d. sender throughput (operations/s)', n($x, 0), '≥ 20,000',
            $lost ? "**not met**: $lost operations not sent or answered non-200" : verdict($x, '>=', 20000)];
    }
    $out[] = '';
}

/* --------------------------------------------------------------------------------------------------- print */
echo "## Benchmark results\n\n";
printf("%s, commit %s; PHP %s, libcurl %s, nginx %s, OpenSSL %s; %d cores; load average %s at start, %s at end.\n\n",
    $meta['started'] ?? '?', $meta['commit'] ?? '?', $meta['php'] ?? '?', $meta['libcurl'] ?? '?', $meta['nginx'] ?? '?',
    $meta['openssl'] ?? '?', $meta['cores'] ?? 0, $meta['load_start'] ?? '?', $meta['load_end'] ?? '?');
echo "Ratios are medians of per-round ratios between contenders run back to back; absolute numbers drift with the load\n";
echo "of this shared machine and are for orientation only. The stand-in closes a connection after {$meta['keepalive_requests']} requests\n";
echo "(nginx's default `keepalive_requests`), so about 1 connection per 1000 calls is the floor for any client.\n\n";
echo "| ratio | value | target | |\n|---|---:|---:|---|\n";
foreach ($summary as $s) {
    echo '| ' . implode(' | ', $s) . " |\n";
}
echo "\n", implode("\n", $out), "\n";
