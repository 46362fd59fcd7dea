--TEST--
Queue re-entrancy: on_error that flushes, queues on other clients, or drops its client; clients freed while queued; clone; reconstructed client
--INI--
display_errors=1
log_errors=0
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$dead = 'http://127.0.0.1:1';
$s = FaultServer::start();
$s->detach();

function op(string $id, array $extra = []): array
{
    return ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $id]] + $extra;
}

echo "-- during the script: a full queue whose automatic send fails calls on_error, which re-enters\n";
$other = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0]);
$c = new Customerio\Client('k', 's', ['track_url' => $dead, 'retries' => 0, 'max_batch_bytes' => 150,
    'on_error' => function (Throwable $e, array $ops) use (&$c, $other) {
        echo "on_error ", count($ops), ' ', $ops[0]['identifiers']['id'], "\n";
        try {
            var_dump($c->track->flush());
        } catch (Throwable $t) {
            echo "flush in on_error: ", get_class($t), "\n";
        }
        $other->track->queue(op('via-other-' . $ops[0]['identifiers']['id']));
    }]);
$c->track->queue(op('p1', ['attributes' => ['pad' => str_repeat('a', 60)]]));
$c->track->queue(op('p2', ['attributes' => ['pad' => str_repeat('b', 60)]]));
echo "after the automatic send\n";
var_dump($other->track->flush());
echo json_encode(array_map(fn($r) => $r['json']['batch'][0]['identifiers']['id'], $s->requests())), "\n";
$s->reset();

echo "-- a client freed while its queue is pending is still sent at the end\n";
$gone = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0]);
$gone->track->queue(op('gone-1'));
$track = $gone->track;
unset($gone);
$track->queue(op('gone-2'));
unset($track);
gc_collect_cycles();

echo "-- a clone has its own, empty queue; the original keeps its own\n";
$orig = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0]);
$orig->track->queue(op('orig-1'));
$copy = clone $orig;
var_dump($copy->track->flush());
$copy->track->queue(op('copy-1'));
var_dump($copy->track->flush());
echo json_encode(array_map(fn($r) => count($r['json']['batch']), $s->requests())), "\n";

echo "-- calling the constructor again keeps the queue\n";
$orig->__construct('k', 's', ['track_url' => $s->url(), 'retries' => 0]);
var_dump($orig->track->flush());
echo json_encode(array_map(fn($r) => $r['json']['batch'][0]['identifiers']['id'], $s->requests())), "\n";
$s->reset();

echo "-- at the end: on_error that flushes and queues elsewhere\n";
$end = new Customerio\Client('k', 's', ['track_url' => $dead, 'retries' => 0,
    'on_error' => function (Throwable $e, array $ops) use (&$end, $s) {
        echo "end on_error ", count($ops), "\n";
        try {
            var_dump($end->track->flush());
        } catch (Throwable $t) {
            echo "flush in on_error: ", get_class($t), "\n";
        }
        $late = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0,
            'on_error' => function () { echo "late on_error: must not happen\n"; }]);
        $late->track->queue(op('late-from-on_error'));
    }]);
$end->track->queue(op('end-1'));
echo "script done\n";
?>
--EXPECTF--
-- during the script: a full queue whose automatic send fails calls on_error, which re-enters

Warning: customerio: 1 Track v2 operation(s) not delivered (Customerio\Exception\ConnectException: cURL error 7: %s) in %s on line %d
on_error 1 p1
NULL
after the automatic send
object(stdClass)#%d (0) {
}
["via-other-p1"]
-- a client freed while its queue is pending is still sent at the end
-- a clone has its own, empty queue; the original keeps its own
NULL
object(stdClass)#%d (0) {
}
[1]
-- calling the constructor again keeps the queue
object(stdClass)#%d (0) {
}
["copy-1","orig-1"]
-- at the end: on_error that flushes and queues elsewhere
script done

Warning: customerio: 1 Track v2 operation(s) not delivered (Customerio\Exception\ConnectException: cURL error 7: %s) in Unknown on line 0
on_error 1 p2
NULL

Warning: customerio: 1 Track v2 operation(s) not delivered (Customerio\Exception\ConnectException: cURL error 7: %s) in Unknown on line 0
end on_error 1
NULL
