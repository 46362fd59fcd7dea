--TEST--
flush() and the end-of-request send detach the queue before user code runs: a queue()/flush() from an overriding post() or an injected client's request() sends each operation once, and a failure puts the unsent back in order
--INI--
display_errors=1
log_errors=0
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

function op(string $id): array
{
    return ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $id],
        'attributes' => ['pad' => str_repeat('p', 40)]];
}
function ids(array $batch): string
{
    return implode(',', array_map(fn($op) => $op['identifiers']['id'], $batch));
}

/* post() is user code: it runs a hook once, then sends */
class Sub extends Customerio\Client
{
    public ?Closure $hook = null;
    public function post(string $endpoint, array $json): mixed
    {
        if ($h = $this->hook) {
            $this->hook = null;
            $h($this);
        }
        return parent::post($endpoint, $json);
    }
}

/* an injected client: request() is user code */
class Fake
{
    public array $sent = [];
    public ?Closure $hook = null;
    public array $fail = [];
    public function request(string $method, string $url, array $options = [])
    {
        if ($h = $this->hook) {
            $this->hook = null;
            $h();
        }
        $ids = ids($options['json']['batch'] ?? []);
        if (array_shift($this->fail)) {
            echo "request [$ids]: fails\n";
            throw new RuntimeException("refused [$ids]");
        }
        echo "request [$ids]\n";
        $this->sent[] = $ids;
        return new class {
            public function getBody(): string { return '{}'; }
        };
    }
}

$s = FaultServer::start();
$s->detach();
echo "-- overriding post(): queue() + flush() from inside the outer flush()\n";
$c = new Sub('k', 's', ['track_url' => $s->url(), 'retries' => 0]);
$c->track->queue(op('a'));
$c->track->queue(op('b'));
$c->hook = function (Sub $c) {
    $c->track->queue(op('x'));
    $c->track->flush();
};
$c->track->flush();
foreach ($s->requests() as $r) {
    echo 'server got [', ids($r['json']['batch']), "]\n";
}
var_dump($c->track->flush());

echo "-- overriding post(): queue() from inside a flush() that fails\n";
$s->reset();
$s->respond(503, '{}');
$c->track->queue(op('a'));
$c->track->queue(op('b'));
$c->hook = fn (Sub $c) => $c->track->queue(op('y'));
try {
    $c->track->flush();
} catch (Throwable $e) {
    echo get_class($e), "\n";
}
$c->track->flush(); // the unsent first, then what was queued meanwhile
foreach ($s->requests() as $r) {
    echo 'server got [', ids($r['json']['batch']), "]\n";
}

echo "-- injected client: queue() + flush() from request()\n";
$g = new Fake();
$c = new Customerio\Client('k', 's', ['retries' => 0]);
$c->setClient($g);
$c->track->queue(op('a'));
$g->hook = function () use ($c) {
    $c->track->queue(op('x'));
    $c->track->flush();
};
$c->track->flush();

echo "-- injected client: the end-of-request send; request() queues again, then fails once\n";
$end = new Customerio\Client('k', 's', ['retries' => 0, 'on_error' => function (Throwable $e, array $ops) {
    echo 'on_error: ', $e->getMessage(), ' ', ids($ops), "\n";
}]);
$g2 = new Fake();
$end->setClient($g2);
$g2->hook = fn () => $end->track->queue(op('late'));
$g2->fail = [true];
$end->track->queue(op('e1'));
$end->track->queue(op('e2'));
echo "script done\n";
?>
--EXPECTF--
-- overriding post(): queue() + flush() from inside the outer flush()
server got [x]
server got [a,b]
NULL
-- overriding post(): queue() from inside a flush() that fails
Customerio\Exception\ServerException
server got [a,b]
server got [a,b,y]
-- injected client: queue() + flush() from request()
request [x]
request [a]
-- injected client: the end-of-request send; request() queues again, then fails once
script done
request [e1,e2]: fails

Warning: customerio: 2 Track v2 operation(s) not delivered (RuntimeException: refused [e1,e2]) in %s on line %d
on_error: refused [e1,e2] e1,e2
request [late]
