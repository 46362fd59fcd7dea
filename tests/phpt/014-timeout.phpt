--TEST--
The timeout option: a slow answer throws ConnectException "cURL error 28" on time; the next call on the same client works
--INI--
customerio.retries=0
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$s = cio_server();
cio_warm_up($s);
// 0.3 s as such; under valgrind a (warm) php -S worker may need more than that for an ordinary answer
$timeout = cio_under_valgrind() ? 2.0 : 0.3;
$delayMs = cio_under_valgrind() ? 8000 : 1500;
$c = cio_client($s, ['timeout' => $timeout]);

$s->respond(200, '{"late":true}', [], $delayMs);
$start = microtime(true);
try {
    $c->track->entity(cio_entity());
    echo "no exception\n";
} catch (Customerio\Exception\ConnectException $e) {
    $elapsed = microtime(true) - $start;
    echo get_class($e), "\n", $e->getMessage(), "\n";
    echo 'method=', $e->getMethod(), ' code=', $e->getCode(), "\n";
    echo 'gave up before the answer: ', var_export($elapsed >= $timeout - 0.05 && $elapsed < $delayMs / 1000 - 0.2, true), "\n";
}

echo "-- the next call on the same client\n";
$s->respond(200, '{"next":true}');
var_dump($c->track->entity(cio_entity(['n' => 2])));
$paths = array_map(fn($r) => $r['path'] . ' n=' . ($r['json']['n'] ?? '-'), $s->requests());
sort($paths);
print_r($paths);

echo "-- an int timeout and a generous one do not fire\n";
$slowOk = cio_client($s, ['timeout' => 10]);
$s->respond(200, '{"slow":"fine"}', [], 400);
var_dump($slowOk->post('slow', ['a' => 1]));
?>
--EXPECTF--
Customerio\Exception\ConnectException
cURL error 28: %s (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for http://127.0.0.1:%d/api/v2/entity
method=POST code=0
gave up before the answer: true
-- the next call on the same client
object(stdClass)#%d (1) {
  ["next"]=>
  bool(true)
}
Array
(
    [0] => /api/v2/entity n=-
    [1] => /api/v2/entity n=2
)
-- an int timeout and a generous one do not fire
object(stdClass)#%d (1) {
  ["slow"]=>
  string(4) "fine"
}
