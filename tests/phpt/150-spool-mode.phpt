--TEST--
Spool mode at the engine level (run under valgrind by tools/test): queue(), drain() with on_batch that throws, re-enters or frees the client, spoolStatus(), failures, an endpoint without its client
--INI--
display_errors=1
log_errors=0
customerio.queue_mode=spool
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$dir = sys_get_temp_dir() . '/cio-phpt-spool-' . getmypid();
@mkdir($dir, 0700);
ini_set('customerio.spool_dir', $dir);
$s = cio_server();
$op = fn($n) => ['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => 'u'], 'name' => $n];

$c = cio_client($s, ['retries' => 0, 'max_batch_bytes' => 300]);
for ($i = 0; $i < 6; $i++) {
    $c->track->queue($op("e$i"));
}
$status = $c->track->spoolStatus();
echo "pending > 0: ", var_export($status['pending_bytes'] > 0, true), ", sender running: ", var_export($status['sender_running'], true), "\n";

// on_batch throws after the first request: that batch stays accepted
cio_try('throwing on_batch', fn() => $c->track->drain(['once' => true, 'on_batch' => function () {
    throw new RuntimeException('stop here');
}]));

// on_batch drops the last reference to the client and re-enters drain()
$track = $c->track;
unset($c);
$r = $track->drain(['once' => true, 'on_batch' => function (array $b) use ($track) {
    static $first = true;
    if ($first) {
        $first = false;
        cio_try('nested drain', fn() => $track->drain(['once' => true]));
    }
}]);
echo "sent $r[sent], rejected $r[rejected], stopped $r[stopped]\n";
$names = [];
foreach ($s->requests() as $req) {
    foreach ($req['json']['batch'] as $o) {
        $names[] = $o['name'];
    }
}
echo implode(',', $names), "\n";

// a 207 and a refused request, with their reasons
$c = cio_client($s, ['retries' => 0]);
$c->track->queue($op('x'));
$c->track->queue($op('y'));
$s->reset();
$s->respond(207, '{"errors":[{"batch_index":0,"reason":"bad","message":"x is bad"}]}');
$r = $c->track->drain(['once' => true]);
echo "sent $r[sent], rejected $r[rejected]\n";
echo json_decode(file(glob("$dir/*.rejected")[0])[0], true)['reason']['message'], "\n";

// errors
cio_try('bad option', fn() => $c->track->drain(['once' => 'yes']));
cio_try('on_batch not callable', fn() => $c->track->drain(['on_batch' => 'no_such_function']));
$bare = (new ReflectionClass(Customerio\Endpoint\Track::class))->newInstanceWithoutConstructor();
cio_try('endpoint without client', fn() => $bare->drain());
cio_try('status without client', fn() => $bare->spoolStatus());
ini_set('customerio.spool_dir', '');
cio_try('no spool_dir', fn() => $c->track->queue($op('z')));
cio_try('no spool_dir, drain', fn() => $c->track->drain(['once' => true]));

array_map('unlink', glob("$dir/*"));
rmdir($dir);
echo "done\n";
?>
--EXPECTF--
pending > 0: true, sender running: false
throwing on_batch: RuntimeException: stop here
nested drain: Customerio\Exception\InvalidArgumentException: Another sender is draining %s/customerio-%s.* (it holds %s/customerio-%s.lock)
sent %d, rejected 0, stopped empty
e0,e1,e2,e3,e4,e5
sent 1, rejected 1
x is bad
bad option: Customerio\Exception\InvalidArgumentException: drain() option once must be a bool
on_batch not callable: Customerio\Exception\InvalidArgumentException: drain() option on_batch must be callable
endpoint without client: Error: %s
status without client: Error: %s
no spool_dir: Customerio\Exception\InvalidArgumentException: Spool mode needs customerio.spool_dir: it is not set; nothing was queued
no spool_dir, drain: Customerio\Exception\InvalidArgumentException: Spool mode needs customerio.spool_dir: it is not set; nothing was queued
done
