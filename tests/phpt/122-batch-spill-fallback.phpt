--TEST--
A split batch() whose temporary directory cannot be written (sys_temp_dir missing) falls back to encoding twice: still sent whole and in order, and an invalid last operation still sends nothing
--FILE--
<?php
require __DIR__ . '/inc/batch-encoded-once.inc';

use Customerio\Tests\FaultServer;

$s = FaultServer::start();
$child = <<<'PHP'
require $argv[1] . '/inc/batch-encoded-once.inc';
echo sys_get_temp_dir(), "\n";
$c = new Customerio\Client('k', 's', ['track_url' => $argv[2], 'retries' => 0, 'max_batch_bytes' => 1000]);
CountedOp::$calls = [];
$c->track->batch(['batch' => mixed_ops(400)]);
echo 'jsonSerialize() calls per operation: ', json_encode(array_count_values(CountedOp::$calls)), "\n";
$ops = mixed_ops(400);
$ops[] = new CountedOp(400, true);
try {
    $c->track->batch(['batch' => $ops]);
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
PHP;
[$out, $err, $status] = FaultServer::runChild($child, ['sys_temp_dir' => '/nonexistent/cio-tmp'],
    [__DIR__, $s->url()]);
echo $out, $err, "exit $status\n";
[$ids, $ok, $requests] = arrived($s, 1000);
echo $ids === expected(400) ? 'in order' : 'WRONG: ' . json_encode($ids), ', ', $ok ? 'whole' : 'BROKEN', ', ',
    $requests > 10 ? 'many requests' : "$requests requests", "\n";
?>
--EXPECT--
/nonexistent/cio-tmp
jsonSerialize() calls per operation: {"2":200}
Customerio\Exception\InvalidArgumentException: json_encode error: Inf and NaN cannot be JSON encoded
exit 0
in order, whole, many requests
