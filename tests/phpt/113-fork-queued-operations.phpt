--TEST--
pcntl_fork() with operations queued: the parent sends its own at its end, a child sends only what it queued itself (never its inherited copy of the parent's)
--SKIPIF--
<?php if (!function_exists('pcntl_fork') || !function_exists('proc_open')) die('skip pcntl or proc_open not available'); ?>
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$s = FaultServer::start();
[$out, $err, $status] = FaultServer::runChild(<<<'PHP'
$c = new Customerio\Client('k', 's', ['track_url' => $argv[1], 'retries' => 0]);
$op = fn (string $id) => ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $id]];
$c->track->queue($op('p1'));
$c->track->queue($op('p2'));
$pid = pcntl_fork();
if ($pid === 0) {
    $c->track->queue($op('c1'));
    exit(0); // the child's end-of-request send
}
pcntl_waitpid($pid, $st);
$c->track->queue($op('p3'));
echo "parent done\n";
PHP, [], [$s->url()]);
echo $out, $err;
$seen = [];
foreach ($s->requests() as $r) {
    $ids = array_map(fn($op) => $op['identifiers']['id'], $r['json']['batch']);
    echo 'sent: ', implode(',', $ids), "\n";
    foreach ($ids as $id) {
        $seen[$id] = ($seen[$id] ?? 0) + 1;
    }
}
ksort($seen);
echo json_encode($seen), "\n";
?>
--EXPECT--
parent done
sent: c1
sent: p1,p2,p3
{"c1":1,"p1":1,"p2":1,"p3":1}
