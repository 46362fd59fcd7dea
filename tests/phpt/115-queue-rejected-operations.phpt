--TEST--
Partial failures of the background queue are failures: a 207 (or a 200 carrying errors[]) reaches on_error (PartialBatchException with the reasons), the error log, and the rejected file beside the spool; replay() does the same
--SKIPIF--
<?php if (!function_exists('proc_open')) die('skip proc_open not available'); ?>
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$dir = sys_get_temp_dir() . '/cio-115-' . getmypid();
@mkdir($dir);
$s = FaultServer::start();
$code = <<<'PHP'
$c = new Customerio\Client('k', 's', ['track_url' => $argv[1], 'retries' => 0, 'max_batch_bytes' => 200,
    'on_error' => function (Throwable $e, array $ops) {
        echo 'on_error: ', get_class($e), ': ', $e->getMessage(), "\n";
        foreach ($ops as $i => $op) {
            echo "  $i ", $op['identifiers']['id'], ': ', json_encode($e->getRejected()[$i]), "\n";
        }
    }]);
$op = fn (string $id) => ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $id]];
// a, b, c fit in one request; d does not: queue(d) sends a, b, c (200 with errors[] for b)
$c->track->queue($op('a'));
$c->track->queue($op('b'));
$c->track->queue($op('c'));
$c->track->queue($op('d'));
$c->track->queue($op('e'));
echo "script done\n"; // then d, e at the end of the request: a 207 for e
PHP;
$s->respond(200, '{"errors":[{"batch_index":1,"reason":"invalid","field":"identifiers","message":"bad id"}]}');
$s->respond(207, '{"errors":[{"batch_index":1,"reason":"too_long","message":"too long"}]}');
[$out, $err] = FaultServer::runChild($code, ['customerio.spool_dir' => $dir, 'display_errors' => 'stderr',
    'log_errors' => 0], [$s->url()]);
echo $out, preg_replace('/ in \S+ on line \d+/', '', $err);
echo "-- rejected file\n";
echo file_get_contents("$dir/customerio-spool.rejected.jsonl");
echo 'spool (undelivered): ', file_exists("$dir/customerio-spool.jsonl") ? 'yes' : 'none', "\n";
unlink("$dir/customerio-spool.rejected.jsonl");

echo "-- replay(): a 207 sends the rejected to the rejected file beside the replayed one\n";
$s->reset();
file_put_contents("$dir/old.jsonl", json_encode(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'r1']]) . "\n"
    . json_encode(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'r2']]) . "\n");
$s->respond(207, '{"errors":[{"batch_index":0,"reason":"invalid"}]}');
$c = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0]);
try {
    var_dump($c->track->replay("$dir/old.jsonl"));
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo file_get_contents("$dir/old.rejected.jsonl");
echo 'replayed file: ', file_exists("$dir/old.jsonl") ? 'still there' : 'gone', "\n";
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
on_error: Customerio\Exception\PartialBatchException: Customer.io rejected 1 queued Track v2 operation(s)
  0 b: [{"batch_index":1,"reason":"invalid","field":"identifiers","message":"bad id"}]
script done
on_error: Customerio\Exception\PartialBatchException: Customer.io rejected 1 queued Track v2 operation(s)
  0 e: [{"batch_index":1,"reason":"too_long","message":"too long"}]
Warning: customerio: 1 Track v2 operation(s) rejected by Customer.io; written with the reasons to %s/customerio-spool.rejected.jsonl
Warning: customerio: 1 Track v2 operation(s) rejected by Customer.io; written with the reasons to %s/customerio-spool.rejected.jsonl
-- rejected file
{"errors":[{"batch_index":1,"reason":"invalid","field":"identifiers","message":"bad id"}],"operation":{"type":"person","action":"identify","identifiers":{"id":"b"}}}
{"errors":[{"batch_index":1,"reason":"too_long","message":"too long"}],"operation":{"type":"person","action":"identify","identifiers":{"id":"e"}}}
spool (undelivered): none
-- replay(): a 207 sends the rejected to the rejected file beside the replayed one

Warning: customerio: replay(): 1 operation(s) rejected by Customer.io; written with the reasons to %s/old.rejected.jsonl in %s on line %d
int(2)
{"errors":[{"batch_index":0,"reason":"invalid"}],"operation":{"type":"person","action":"identify","identifiers":{"id":"r1"}}}
replayed file: gone
