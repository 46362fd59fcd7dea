--TEST--
Queue at the end of the request (child processes): sent after the script and its shutdown functions; on failure on_error, the warning and the spool; the spool replays
--SKIPIF--
<?php
require __DIR__ . '/../server/FaultServer.php';
if (Customerio\Tests\FaultServer::extensionPath() === null) die('skip cannot find the loaded customerio.so');
?>
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$s = FaultServer::start();
$spool = sys_get_temp_dir() . '/cio-phpt-101-' . getmypid();
@mkdir($spool);

$prelude = <<<'PHP'
    $url = $argv[1];
    $c = new Customerio\Client('api-SECRET-1', 'site-1', ['track_url' => $url, 'retries' => 0,
        'on_error' => function (Throwable $e, array $ops) {
            echo "on_error: ", get_class($e), ' ', count($ops), "\n";
            foreach ($ops as $op) {
                echo '  ', $op['action'], ' ', $op['identifiers']['id'], isset($op['id']) ? ' +id' : '', "\n";
            }
        }]);
    PHP;

echo "-- delivered after the script\n";
[$out, $err, $status] = FaultServer::runChild($prelude . <<<'PHP'
    $c->track->queue(['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => 'a'], 'name' => 'one']);
    $c->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'b']]);
    register_shutdown_function(function () use ($url) { file_get_contents("$url/marker"); });
    echo "script done\n";
    exit(0);
    PHP, [], [$s->url()]);
echo $out, $err, "status $status\n";
foreach ($s->requests() as $r) {
    echo $r['method'], ' ', $r['path'], ' ', count($r['json']['batch'] ?? []), "\n";
}

echo "-- not delivered: on_error, the warning, the spool\n";
$s->reset();
$s->script(['respond', 503, '{}', [], 0]);
[$out, $err, $status] = FaultServer::runChild($prelude . <<<'PHP'
    $c->track->queue(['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => 'c'], 'name' => 'two']);
    $c->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'd']]);
    echo "script done\n";
    PHP, ['customerio.spool_dir' => $spool, 'display_errors' => 'stderr', 'log_errors' => '0'], [$s->url()]);
echo $out, "status $status\n";
echo str_contains($err, 'Warning: customerio: 2 Track v2 operation(s) not delivered') ? "warning: yes\n" : "warning: no\n$err\n";
echo str_contains($err . $out, 'SECRET') ? "key leaked\n" : "no key in the output\n";
$lines = file("$spool/customerio-spool.jsonl", FILE_IGNORE_NEW_LINES);
foreach ($lines as $line) {
    $op = json_decode($line, true);
    echo 'spooled: ', $op['action'], ' ', $op['identifiers']['id'], isset($op['id']) ? ' +id' : '', "\n";
}

echo "-- the spool replays once the server is back\n";
$s->reset();
$c = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0]);
var_dump($c->track->replay("$spool/customerio-spool.jsonl"));
var_dump(file_exists("$spool/customerio-spool.jsonl"));
$sent = $s->requests()[0]['json']['batch'];
echo json_encode(array_column(array_column($sent, 'identifiers'), 'id')), ' same id: ',
    var_export($sent[0]['id'] === json_decode($lines[0], true)['id'], true), "\n";

echo "-- several clients and a destructor that queues\n";
$s->reset();
[$out, $err, $status] = FaultServer::runChild($prelude . <<<'PHP'
    class Late { public $c; function __destruct() {
        $this->c->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'from-destructor']]); } }
    $d = new Customerio\Client('k2', 's2', ['track_url' => $url, 'retries' => 0]);
    $d->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'd1']]);
    $c->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'c1']]);
    $late = new Late();
    $late->c = $c;
    unset($c, $d);
    echo "script done\n";
    PHP, [], [$s->url()]);
echo $out, $err, "status $status\n";
$ids = [];
foreach ($s->requests() as $r) {
    $ids[] = implode(',', array_column(array_column($r['json']['batch'], 'identifiers'), 'id'));
}
sort($ids);
print_r($ids);
@unlink("$spool/customerio-spool.jsonl");
@rmdir($spool);
?>
--EXPECT--
-- delivered after the script
script done
status 0
GET /marker 0
POST /api/v2/batch 2
-- not delivered: on_error, the warning, the spool
script done
on_error: Customerio\Exception\ServerException 2
  event c +id
  identify d
status 0
warning: yes
no key in the output
spooled: event c +id
spooled: identify d
-- the spool replays once the server is back
int(2)
bool(false)
["c","d"] same id: true
-- several clients and a destructor that queues
script done
status 0
Array
(
    [0] => c1,from-destructor
    [1] => d1
)
