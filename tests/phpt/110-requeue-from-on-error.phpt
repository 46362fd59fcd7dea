--TEST--
Operations that on_error queues again (on the same client) are not dropped: a later flush() sends them, or they are reported
--INI--
display_errors=1
log_errors=0
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$s = FaultServer::start();
$s->respond(503, '{}');
$c = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0, 'max_batch_bytes' => 200,
    'on_error' => function (Throwable $e, array $ops) use (&$c) {
        echo "on_error: queue again ", implode(',', array_map(fn($op) => $op['identifiers']['id'], $ops)), "\n";
        foreach ($ops as $op) {
            $c->track->queue($op);
        }
    }]);
// a fits twice in 200 bytes, a and b do not: queueing b sends a, which fails, and on_error queues a again
$a = ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'a']];
$b = ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'b'], 'attributes' => ['pad' => str_repeat('x', 90)]];
printf("sizes: a %d, b %d\n", strlen(json_encode($a)), strlen(json_encode($b)));
$c->track->queue($a);
$c->track->queue($b);
var_dump($c->track->flush());
$delivered = [];
foreach ($s->requests() as $r) {
    if ($r['json'] && !isset($failed)) {
        $failed = true; // the first request got the 503
        continue;
    }
    foreach ($r['json']['batch'] as $op) {
        $delivered[] = $op['identifiers']['id'];
    }
}
echo 'delivered: ', implode(',', $delivered), "\n";
?>
--EXPECTF--
sizes: a 62, b 176

Warning: customerio: 1 Track v2 operation(s) not delivered (Customerio\Exception\ServerException: %s) in %s on line %d
on_error: queue again a
object(stdClass)#%d (0) {
}
delivered: a,b
