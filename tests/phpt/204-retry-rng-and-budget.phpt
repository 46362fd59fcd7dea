--TEST--
Retries leave the application's seeded mt_rand() sequence alone (the jitter comes from the CSPRNG), and max_retry_time => 0 means no limit, as 0 does for the timeouts
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$fs = FaultServer::start();
$op = ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 1]];

echo "-- mt_srand(42) sequence\n";
mt_srand(42);
$expected = [mt_rand(), mt_rand(), mt_rand(1, 100)];
mt_srand(42);
$first = mt_rand();
$c = new Customerio\Client('k', 's', ['track_url' => $fs->url(), 'retries' => 3]);
$fs->script(['respond', 500, '{}', [], 0], ['respond', 502, '{}', [], 0], ['respond', 200, '{"ok":1}', [], 0]);
echo json_encode($c->track->entity($op)), ' after ', count($fs->requests()), " requests\n";
$after = [$first, mt_rand(), mt_rand(1, 100)];
echo $after === $expected ? 'unchanged' : 'changed: ' . json_encode([$expected, $after]), "\n";

echo "-- max_retry_time 0\n";
foreach ([0, 0.0] as $budget) {
    $fs->reset();
    $fs->script(['respond', 503, '{}', [], 0], ['respond', 503, '{}', [], 0], ['respond', 200, '{"ok":2}', [], 0]);
    $c = new Customerio\Client('k', 's', ['track_url' => $fs->url(), 'retries' => 2, 'max_retry_time' => $budget]);
    echo var_export($budget, true), ': ', json_encode($c->track->entity($op)), ' after ', count($fs->requests()),
        " requests\n";
}
echo "-- with no limit, the timeout still applies to each attempt\n";
$fs->reset();
$fs->script(['silent', 5], ['respond', 200, '{"ok":3}', [], 0]);
$c = new Customerio\Client('k', 's', ['track_url' => $fs->url(), 'retries' => 1, 'timeout' => 0.5,
    'max_retry_time' => 0]);
echo json_encode($c->track->entity($op)), ' after ', count($fs->requests()), " requests\n";
$fs->stop();
?>
--EXPECT--
-- mt_srand(42) sequence
{"ok":1} after 3 requests
unchanged
-- max_retry_time 0
0: {"ok":2} after 3 requests
0.0: {"ok":2} after 3 requests
-- with no limit, the timeout still applies to each attempt
{"ok":3} after 2 requests
