<?php
/*
 * Benchmark a's referee. CPU time per call drifts by 2x within a minute on this shared machine, so running each
 * contender for seconds, one after the other, compares different machines. Instead every contender runs as ONE
 * long-lived, warmed-up process (connection open), and this script hands them the work in short slices, taking
 * turns, round after round; each slice's CPU is measured by the contender itself. Contenders in the same round
 * ran within a fraction of a second of each other, so their ratio is fair even when the machine is not.
 *
 *   php interleave.php ROUNDS CALLS NAME=SHELL_COMMAND...
 *
 * Each command must print "ready" when warm, then answer every number N on its stdin with one JSON line for N
 * timed calls (client_bench.php and curl_loop with CALLS "-"). Prints one JSON line per slice.
 */

if ($argc < 4) {
    fwrite(STDERR, "usage: php interleave.php ROUNDS CALLS NAME=COMMAND...\n");
    exit(2);
}
$rounds = (int)$argv[1];
$calls = (int)$argv[2];
$procs = [];
foreach (array_slice($argv, 3) as $spec) {
    [$name, $cmd] = explode('=', $spec, 2);
    $proc = proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR], $pipes);
    if (!is_resource($proc)) {
        fwrite(STDERR, "interleave: cannot start $name\n");
        exit(1);
    }
    $procs[$name] = [$proc, $pipes];
}
// All warm-ups finish before anything is timed.
foreach ($procs as $name => [, $pipes]) {
    if (trim((string)fgets($pipes[1])) !== 'ready') {
        fwrite(STDERR, "interleave: $name did not get ready\n");
        exit(1);
    }
}

$names = array_keys($procs);
$n = count($names);
$failed = false;
for ($r = 1; $r <= $rounds && !$failed; $r++) {
    // rotate the order so no contender always follows the same neighbour (whose cache footprint it inherits)
    for ($i = 0; $i < $n; $i++) {
        $name = $names[($r + $i) % $n];
        [, $pipes] = $procs[$name];
        fwrite($pipes[0], "$calls\n");
        $line = fgets($pipes[1]);
        $res = $line === false ? null : json_decode($line, true);
        if (!is_array($res)) {
            fwrite(STDERR, "interleave: $name failed in round $r\n");
            $failed = true;
            break;
        }
        echo json_encode(['bench' => 'seq', 'round' => $r, 'contender' => $name] + $res), "\n";
    }
    if ($r % 10 === 0 || $r === $rounds) {
        fwrite(STDERR, "==> a. sequential: round $r/$rounds done\n");
    }
}
foreach ($procs as [$proc, $pipes]) {
    fclose($pipes[0]);   // EOF: the contender exits
    fclose($pipes[1]);
    proc_close($proc);
}
exit($failed ? 1 : 0);
