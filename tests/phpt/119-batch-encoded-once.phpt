--TEST--
A split batch() far bigger than (max_concurrency + 1) x max_batch_bytes: each operation encoded once (jsonSerialize() runs once), the requests arrive whole and in order, an invalid or too big last operation sends nothing, a failure half-way keeps the PartialBatchException accounting, no spill file left behind
--FILE--
<?php
require __DIR__ . '/inc/batch-encoded-once.inc';

use Customerio\Tests\FaultServer;

$limit = 1000;
$n = 400;    /* about 100 KB of JSON (over the 64 KB a batch is kept whole below), over 130 requests, far more than max_concurrency + 1 */
$s = FaultServer::start();

echo "-- max_concurrency 1: in order, whole, each operation encoded once\n";
$c = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0, 'max_batch_bytes' => $limit]);
CountedOp::$calls = [];
var_dump($c->track->batch(['batch' => mixed_ops($n)]));
[$ids, $ok, $requests] = arrived($s, $limit);
echo $ids === expected($n) ? 'in order' : 'WRONG: ' . json_encode($ids), ', ', $ok ? 'whole' : 'BROKEN', ', ',
    $requests > 10 ? 'many requests' : "$requests requests", "\n";
echo 'jsonSerialize() calls per operation: ', json_encode(array_count_values(CountedOp::$calls)), "\n";

echo "-- max_concurrency 3: every operation once, each request a run of consecutive operations\n";
$s->reset();
$c3 = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0, 'max_batch_bytes' => $limit,
    'max_concurrency' => 3]);
CountedOp::$calls = [];
$c3->track->batch(['batch' => mixed_ops($n)]);
$runs = true;
foreach ($s->requests() as $r) {
    $first = (int) substr($r['json']['batch'][0]['identifiers']['id'], 1);
    $got = array_map(fn($op) => $op['identifiers']['id'], $r['json']['batch']);
    $runs = $runs && $got === array_slice(expected($first + count($got)), $first);
}
[$ids, $ok] = arrived($s, $limit);
sort($ids, SORT_NATURAL);
echo $ids === expected($n) ? 'all once' : 'WRONG', ', ', $ok ? 'whole' : 'BROKEN', ', ', $runs ? 'runs' : 'NOT RUNS', "\n";
echo 'jsonSerialize() calls per operation: ', json_encode(array_count_values(CountedOp::$calls)), "\n";

echo "-- the last operation does not encode: nothing sent\n";
$s->reset();
$ops = mixed_ops($n);
$ops[] = new CountedOp($n, true);
try {
    $c->track->batch(['batch' => $ops]);
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo count($s->requests()), " requests\n";

echo "-- the last operation is too big: nothing sent\n";
$ops = mixed_ops($n);
$ops[] = ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'big'],
    'attributes' => ['pad' => str_repeat('z', 40000)]];
try {
    $c->track->batch(['batch' => $ops]);
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo count($s->requests()), " requests\n";

echo "-- a 500 half-way through a spilled batch: the same accounting as ever\n";
$s->reset();
for ($i = 0; $i < 20; $i++) {
    $s->respond(200, '{}');
}
$s->respond(500, '{}');
try {
    $c->track->batch(['batch' => mixed_ops($n)]);
} catch (Customerio\Exception\PartialBatchException $e) {
    $accepted = $e->getAccepted();
    $failed = $e->getFailed();
    $notSent = $e->getNotSent();
    [$ids] = arrived($s, $limit);
    $delivered = array_slice($ids, 0, count($accepted));
    echo count($s->requests()), ' requests; accepted 0..', end($accepted), ' = what the first 20 carried: ',
        json_encode($delivered === array_map(fn($i) => "p$i", $accepted)), '; failed starts at ', $failed[0],
        ', not sent ends at ', end($notSent), '; all counted: ',
        json_encode(array_merge($accepted, $failed, $notSent) === range(0, $n - 1)), "\n";
}

echo "-- jsonSerialize() drops the caller's array and replaces a referenced operation: what it held is sent\n";
final class Dropper implements JsonSerializable
{
    public function jsonSerialize(): mixed
    {
        global $ops, $ref;
        $ops = null;
        $ref = ['type' => 'person', 'action' => 'event', 'name' => 'changed', 'identifiers' => ['id' => 'p399']];
        return ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'p1']];
    }
}
$s->reset();
$ops = mixed_ops($n);
$ref = event(399);
$ops[399] = &$ref;
$ops[1] = new Dropper();
$c->track->batch(['batch' => $ops]);
[$ids, $ok] = arrived($s, $limit);
$reqs = $s->requests();
$last = end($reqs)['json']['batch'];
echo $ids === expected($n) ? 'in order' : 'WRONG', ', ', $ok ? 'whole' : 'BROKEN', ', the last: ', end($last)['name'], "\n";

echo "-- no spill file left behind\n";
var_dump(glob(sys_get_temp_dir() . '/cio-batch-*'));
?>
--EXPECTF--
-- max_concurrency 1: in order, whole, each operation encoded once
object(stdClass)#%d (0) {
}
in order, whole, many requests
jsonSerialize() calls per operation: {"1":200}
-- max_concurrency 3: every operation once, each request a run of consecutive operations
all once, whole, runs
jsonSerialize() calls per operation: {"1":200}
-- the last operation does not encode: nothing sent
Customerio\Exception\InvalidArgumentException: json_encode error: Inf and NaN cannot be JSON encoded
0 requests
-- the last operation is too big: nothing sent
Customerio\Exception\InvalidArgumentException: Batch operation #400 is 40088 bytes of JSON, over the limit of 32768 bytes per operation (max_entity_bytes); nothing was sent
0 requests
-- a 500 half-way through a spilled batch: the same accounting as ever
21 requests; accepted 0..59 = what the first 20 carried: true; failed starts at 60, not sent ends at 399; all counted: true
-- jsonSerialize() drops the caller's array and replaces a referenced operation: what it held is sent
in order, whole, the last: changed
-- no spill file left behind
array(0) {
}
