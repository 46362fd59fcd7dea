--TEST--
Hostile user code while operations are sent: an overriding post(), an injected client's request() (and its response's destructor), on_error and destructors re-entering queue(), flush(), batch(), entity(), replay() and dropping the client, with and without an injected client: no invalid access, each operation sent once or reported
--INI--
display_errors=1
log_errors=0
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

function op(string $id): array
{
    return ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $id]];
}
function ids(array $ops): string
{
    return implode(',', array_map(fn($op) => $op['identifiers']['id'], $ops));
}
function once(?Closure &$slot): void
{
    $fn = $slot;
    $slot = null;
    if ($fn) {
        $fn();
    }
}
$log = [];
function sent(FaultServer $s): string
{
    global $log;
    $ids = $log;
    $log = [];
    foreach ($s->requests() as $r) {
        foreach ($r['json']['batch'] ?? [$r['json']] as $op) {
            $ids[] = $op['identifiers']['id'];
        }
    }
    $s->reset();
    $counts = array_count_values($ids);
    ksort($counts);
    return json_encode($counts);
}

class Sub extends Customerio\Client
{
    public ?Closure $hook = null;
    public function post(string $endpoint, array $json): mixed
    {
        once($this->hook);
        return parent::post($endpoint, $json);
    }
}
class Response
{
    public function __construct(public ?Closure $onDestruct = null) {}
    public function getBody(): string
    {
        return '{}';
    }
    public function __destruct()
    {
        once($this->onDestruct);
    }
}
class Fake
{
    public ?Closure $hook = null;
    public ?Closure $onResponseDestruct = null;
    public array $fail = [];
    public function request(string $method, string $url, array $options = [])
    {
        global $log;
        once($this->hook);
        $ops = $options['json']['batch'] ?? [$options['json']];
        if (array_shift($this->fail)) {
            throw new RuntimeException('refused ' . ids($ops));
        }
        foreach ($ops as $op) {
            $log[] = $op['identifiers']['id'];
        }
        $hook = $this->onResponseDestruct;
        $this->onResponseDestruct = null;
        return new Response($hook);
    }
}

$s = FaultServer::start();
$s->detach();
$dir = sys_get_temp_dir() . '/cio-121-' . getmypid();
@mkdir($dir);
$spool = "$dir/spool.jsonl";

echo "-- overriding post(): everything re-entered from inside flush(), then the client dropped\n";
$c = new Sub('k', 's', ['track_url' => $s->url(), 'retries' => 0]);
$c->track->queue(op('a'));
$c->track->queue(op('b'));
file_put_contents($spool, json_encode(op('r0')) . "\n");
$track = $c->track;
$c->hook = function () use (&$c, $spool) {
    $c->track->queue(op('x'));
    $c->track->flush();
    $c->track->batch(['batch' => [op('n0')]]);
    $c->track->entity(op('e0'));
    $c->track->replay($spool);
    $c = null;
};
var_dump($track->flush());
unset($track);
echo 'sent: ', sent($s), "\n";

echo "-- injected client: request() re-enters; a response's destructor queues and flushes\n";
$g = new Fake();
$c = new Customerio\Client('k', 's', ['retries' => 0]);
$c->setClient($g);
$c->track->queue(op('a'));
/* (swapping the injected client from inside its own request() is part B's: src/client.c holds it there) */
$g->onResponseDestruct = function () use (&$c) {
    $c->track->queue(op('d0'));
    $c->track->flush();
};
$g->hook = function () use (&$c, $spool) {
    $c->track->queue(op('x'));
    $c->track->flush();
    $c->track->batch(['batch' => [op('n0'), op('n1')]]);
    file_put_contents($spool, json_encode(op('r1')) . "\n");
    $c->track->replay($spool);
};
$c->track->flush();
$c->track->flush();
echo 'sent: ', sent($s), "\n";

echo "-- on_error (a full queue sends in the background): re-enters everything and drops the client\n";
$g = new Fake();
$g->fail = [true];
$c = new Customerio\Client('k', 's', ['retries' => 0, 'max_batch_bytes' => 100,
    'on_error' => function (Throwable $e, array $ops) use (&$c, $spool) {
        echo 'on_error: ', $e->getMessage(), ' [', ids($ops), "]\n";
        $c->track->queue(op('o1'));
        $c->track->flush();
        $c->track->batch(['batch' => [op('o2')]]);
        file_put_contents($spool, json_encode(op('r2')) . "\n");
        $c->track->replay($spool);
        $c = null;
        throw new LogicException('on_error throws too');
    }]);
$c->setClient($g);
$track = $c->track;
$track->queue(op('f0'));
$track->queue(op('f1')); // full: f0 is sent now, fails
echo 'client variable: ', $c === null ? 'null' : 'still set', "\n";
$track->flush();
unset($track);
echo 'sent: ', sent($s), "\n";

echo "-- the end of the request: request() queues again, on_error keeps an object whose destructor queues\n";
class Late
{
    public static array $keep = [];
    public function __construct(private Customerio\Client $c, private string $id) {}
    public function __destruct()
    {
        $this->c->track->queue(op($this->id));
    }
}
$end = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0,
    'on_error' => function (Throwable $e, array $ops) use (&$end) {
        echo 'on_error at the end: [', ids($ops), "]\n";
        Late::$keep[] = new Late($end, 'late');
    }]);
$s->respond(503, '{}');
$end->track->queue(op('z0'));
$native = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0]);
$native->track->queue(op('z1'));
unset($native); // held by the extension until it is sent
@unlink($spool);
rmdir($dir);
echo "script done\n";
?>
--EXPECTF--
-- overriding post(): everything re-entered from inside flush(), then the client dropped
object(stdClass)#%d (0) {
}
sent: {"a":1,"b":1,"e0":1,"n0":1,"r0":1,"x":1}
-- injected client: request() re-enters; a response's destructor queues and flushes
sent: {"a":1,"d0":1,"n0":1,"n1":1,"r1":1,"x":1}
-- on_error (a full queue sends in the background): re-enters everything and drops the client

Warning: customerio: 1 Track v2 operation(s) not delivered (RuntimeException: refused f0) in %s on line %d
on_error: refused f0 [f0]

Warning: Uncaught LogicException: on_error throws too in %s:%d
Stack trace:
#0 [internal function]: {closure%S}(Object(RuntimeException), Array)
#1 %s(%d): Customerio\Endpoint\Track->queue(Array)
#2 {main}
  thrown in %s on line %d
client variable: null
sent: {"f1":1,"o1":1,"o2":1,"r2":1}
-- the end of the request: request() queues again, on_error keeps an object whose destructor queues
script done

Warning: customerio: 1 Track v2 operation(s) not delivered (Customerio\Exception\ServerException: Server error: `POST http://127.0.0.1:%d/api/v2/batch` resulted in a `503 Service Unavailable` response: {}) in Unknown on line %d
on_error at the end: [z0]
