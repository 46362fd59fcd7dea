--TEST--
A split batch() is sent in order by default (each request after the previous one was answered); one that fails part-way throws PartialBatchException telling accepted, rejected (with the reasons), failed and not sent at the caller's indices, in native and Guzzle mode; max_concurrency > 1 is explicit and unordered
--SKIPIF--
<?php if (!is_file('/usr/share/php/GuzzleHttp/autoload.php')) die('skip Debian Guzzle 7 not installed'); ?>
--INI--
customerio.exceptions=native
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';
require '/usr/share/php/GuzzleHttp/autoload.php';

use Customerio\Tests\FaultServer;
use GuzzleHttp\Handler\MockHandler;
use GuzzleHttp\HandlerStack;
use GuzzleHttp\Psr7\Response;

function ops(int $n): array
{
    $ops = [];
    for ($i = 0; $i < $n; $i++) {
        $ops[] = ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => "p$i"],
            'attributes' => ['pad' => str_repeat('x', 250)]];
    }
    return $ops;
}
function report(PartialBatchException|Throwable $e): void
{
    echo get_class($e), ' <- ', get_class($e->getPrevious()), "\n";
    echo '  accepted ', json_encode($e->getAccepted()), "\n";
    echo '  rejected ', json_encode($e->getRejected()), "\n";
    echo '  failed ', json_encode($e->getFailed()), ' not sent ', json_encode($e->getNotSent()), "\n";
}
use Customerio\Exception\PartialBatchException;

$s = FaultServer::start();
$c = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0, 'max_batch_bytes' => 700]);

echo "-- default: one request after the other, in the caller's order\n";
$s->respond(200, '{}')->respond(200, '{}')->respond(200, '{}');
$c->track->batch(['batch' => ops(6)]);
$req = $s->requests();
$order = [];
foreach ($req as $r) {
    $order[] = implode(',', array_map(fn($op) => $op['identifiers']['id'], $r['json']['batch']));
}
echo 'requests: ', implode(' | ', $order), "\n";

echo "-- a 207 in request 1, a 500 in request 2: a clean prefix\n";
$s->reset();
$s->respond(200, '{}')->respond(207, '{"errors":[{"batch_index":1,"reason":"invalid","field":"name"}]}')
    ->respond(500, '{}');
try {
    $c->track->batch(['batch' => ops(8)]);
} catch (PartialBatchException $e) {
    report($e);
    echo '  ', $e->getMessage() === '' ? 'no message' : 'message: ' . strtok($e->getMessage(), '('), "\n";
}
echo count($s->requests()), " requests\n";

echo "-- the first request fails: nothing accepted\n";
$s->reset();
$s->respond(503, '{}');
try {
    $c->track->batch(['batch' => ops(5)]);
} catch (PartialBatchException $e) {
    report($e);
}
echo count($s->requests()), " request: the next is sent only after an accepted one\n";

echo "-- a batch that fits in one request throws the request's own exception\n";
$s->reset();
$s->respond(500, '{}');
try {
    $c->track->batch(['batch' => ops(1)]);
} catch (Throwable $e) {
    echo get_class($e), "\n";
}

echo "-- max_concurrency 3: the requests of a wave go out together (unordered)\n";
$s->reset();
$s->respond(500, '{}')->respond(200, '{}')->respond(200, '{}');
$u = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0, 'max_batch_bytes' => 700,
    'max_concurrency' => 3]);
try {
    $u->track->batch(['batch' => ops(6)]);
} catch (PartialBatchException $e) {
    echo count($s->requests()), " requests sent together\n";
    echo '  accepted ', count($e->getAccepted()), ' failed ', count($e->getFailed()), ' not sent ',
        count($e->getNotSent()), "\n";
}

echo "-- Guzzle mode: the same exception, Guzzle's as its previous\n";
$g = new Customerio\Client('k', 's', ['retries' => 0, 'max_batch_bytes' => 700]);
$g->setClient(new GuzzleHttp\Client(['handler' => HandlerStack::create(new MockHandler([
    new Response(207, [], '{"errors":[{"batch_index":0,"reason":"bad"}]}'),
    new Response(400, [], '{"errors":[]}'),
]))]));
try {
    $g->track->batch(['batch' => ops(6)]);
} catch (PartialBatchException $e) {
    report($e);
    echo '  is a CustomerioException: ', $e instanceof Customerio\Exception\CustomerioException ? 'yes' : 'no', "\n";
}
?>
--EXPECT--
-- default: one request after the other, in the caller's order
requests: p0,p1 | p2,p3 | p4,p5
-- a 207 in request 1, a 500 in request 2: a clean prefix
Customerio\Exception\PartialBatchException <- Customerio\Exception\ServerException
  accepted [0,1,2]
  rejected {"3":[{"batch_index":3,"reason":"invalid","field":"name"}]}
  failed [4,5] not sent [6,7]
  message: Batch of 8 operations split into requests failed part-way: 3 accepted, 1 rejected, 2 in the failed request, 2 not sent 
3 requests
-- the first request fails: nothing accepted
Customerio\Exception\PartialBatchException <- Customerio\Exception\ServerException
  accepted []
  rejected []
  failed [0,1] not sent [2,3,4]
1 request: the next is sent only after an accepted one
-- a batch that fits in one request throws the request's own exception
Customerio\Exception\ServerException
-- max_concurrency 3: the requests of a wave go out together (unordered)
3 requests sent together
  accepted 4 failed 2 not sent 0
-- Guzzle mode: the same exception, Guzzle's as its previous
Customerio\Exception\PartialBatchException <- GuzzleHttp\Exception\ClientException
  accepted [1]
  rejected [[{"batch_index":0,"reason":"bad"}]]
  failed [2,3] not sent [4,5]
  is a CustomerioException: yes
