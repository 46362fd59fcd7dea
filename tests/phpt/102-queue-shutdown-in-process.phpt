--TEST--
Queue flushed at this process's end: delivered quietly; failures reach on_error (which may throw or exit) with a warning and the spool; subclasses and several clients
--INI--
display_errors=1
log_errors=0
html_errors=0
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$dead = 'http://127.0.0.1:1';
$spool = sys_get_temp_dir() . '/cio-phpt-102-' . getmypid();
mkdir($spool);
ini_set('customerio.spool_dir', $spool);

// delivered at the end: the server must outlive the destructors
$s = FaultServer::start();
$s->detach();
$ok = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0,
    'on_error' => function () { echo "ok client: on_error must not be called\n"; }]);
for ($i = 0; $i < 50; $i++) {
    $ok->track->queue(['type' => 'person', 'action' => $i % 2 ? 'event' : 'identify', 'identifiers' => ['id' => "ok$i"],
        'name' => 'n', 'attributes' => ['i' => $i, 'text' => str_repeat("\u{00e9}", $i)]]);
}

// a failure that on_error reports, reading back the spool written before it was called
$a = new Customerio\Client('k', 's', ['track_url' => $dead, 'retries' => 1,
    'on_error' => function (Throwable $e, array $ops) use ($spool) {
        echo "a: on_error ", get_class($e), ' ', count($ops), ' ', json_encode(array_column(array_column($ops, 'identifiers'), 'id')), "\n";
        foreach (file("$spool/customerio-spool.jsonl", FILE_IGNORE_NEW_LINES) as $line) {
            echo "a: spooled ", json_decode($line, true)['identifiers']['id'], "\n";
        }
        unlink("$spool/customerio-spool.jsonl");
    }]);
$a->track->queue(['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => 'a1'], 'name' => 'x']);
$a->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'a2']]);

// on_error that throws: reported, the next client still goes
$b = new Customerio\Client('k', 's', ['track_url' => $dead, 'retries' => 0,
    'on_error' => function (Throwable $e, array $ops) { echo "b: on_error throws\n"; throw new LogicException('from on_error'); }]);
$b->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'b1']]);

// a subclass whose post() is user code, called at the end of the request
class SubClient extends Customerio\Client
{
    public function post(string $endpoint, array $json)
    {
        echo "SubClient::post($endpoint) ", count($json['batch']), " ops, endpoint ", $json['endpoint'], "\n";
        throw new RuntimeException('subclass says no');
    }
}
$sub = new SubClient('k', 's', ['track_url' => $dead, 'retries' => 0,
    'on_error' => function (Throwable $e, array $ops) { echo "sub: on_error ", get_class($e), ': ', $e->getMessage(), ' ', count($ops), "\n"; }]);
$sub->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 's1']]);

// on_error that exits
$x = new Customerio\Client('k', 's', ['track_url' => $dead, 'retries' => 0,
    'on_error' => function () { echo "x: on_error exits\n"; exit(7); }]);
$x->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'x1']]);

// no on_error: the warning alone
$w = new Customerio\Client('k', 's', ['track_url' => $dead, 'retries' => 0]);
$w->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'w1']]);
register_shutdown_function(function () use ($spool) {
    echo "shutdown function\n";
});
unset($ok, $a, $b, $sub, $x);
echo "script done\n";
?>
--CLEAN--
<?php
$spool = sys_get_temp_dir() . '/cio-phpt-102-';
foreach (glob("$spool*") as $dir) {
    array_map('unlink', glob("$dir/*"));
    rmdir($dir);
}
?>
--EXPECTF--
script done
shutdown function

Warning: customerio: 2 Track v2 operation(s) not delivered (Customerio\Exception\ConnectException: cURL error 7: %s); appended to customerio.spool_dir in Unknown on line 0
a: on_error Customerio\Exception\ConnectException 2 ["a1","a2"]
a: spooled a1
a: spooled a2

Warning: customerio: 1 Track v2 operation(s) not delivered (Customerio\Exception\ConnectException: cURL error 7: %s); appended to customerio.spool_dir in Unknown on line 0
b: on_error throws

Warning: Uncaught LogicException: from on_error in %s102-queue-shutdown-in-process.php:%d
Stack trace:
#0 [internal function]: {closure%S}(Object(Customerio\Exception\ConnectException), Array)
#1 {main}
  thrown in %s102-queue-shutdown-in-process.php on line %d
SubClient::post(batch) 1 ops, endpoint %s/api/v2/
%AWarning: customerio: 1 Track v2 operation(s) not delivered (RuntimeException: subclass says no); appended to customerio.spool_dir in Unknown on line 0
sub: on_error RuntimeException: subclass says no 1

Warning: customerio: 1 Track v2 operation(s) not delivered (Customerio\Exception\ConnectException: cURL error 7: %s); appended to customerio.spool_dir in Unknown on line 0
x: on_error exits

Warning: customerio: 1 Track v2 operation(s) not delivered (Customerio\Exception\ConnectException: cURL error 7: %s); appended to customerio.spool_dir in Unknown on line 0
