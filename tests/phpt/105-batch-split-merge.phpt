--TEST--
batch() split under max_batch_bytes: order, sizes, size errors; merged answers with batch_index re-based (objects, arrays, odd answers)
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$s = FaultServer::start();

function ops(int $n, int $pad = 150): array
{
    $ops = [];
    for ($i = 0; $i < $n; $i++) {
        $ops[] = ['type' => 'person', 'action' => $i % 3 ? 'identify' : 'event', 'identifiers' => ['id' => "p$i"],
            'name' => 'e', 'attributes' => ['pad' => str_repeat('x', $pad)]];
    }
    return $ops;
}

function report(FaultServer $s): void
{
    $all = [];
    foreach ($s->requests() as $r) {
        $ids = array_map(fn($op) => $op['identifiers']['id'], $r['json']['batch']);
        echo strlen($r['body']) <= 700 ? '  <=700 ' : '  OVER ', json_encode($ids), "\n";
        array_push($all, ...$ids);
    }
}

echo "-- split in order\n";
$c = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0, 'max_batch_bytes' => 700, 'max_concurrency' => 1]);
var_dump($c->track->batch(['batch' => ops(8)]));
report($s);

echo "-- merged 207 answers, objects\n";
$s->reset();
$s->respond(207, '{"errors":[{"batch_index":1,"reason":"a"}]}')->respond(200, '{"ok":true}')
    ->respond(207, '{"errors":[{"batch_index":0,"reason":"b"},{"batch_index":1,"reason":"c"}]}')
    ->respond(207, '{"errors":[{"batch_index":0,"reason":"d","field":"x"}],"extra":1}');
$r = $c->track->batch(['batch' => ops(8)]);
echo json_encode($r), "\n";

echo "-- merged 207 answers, arrays\n";
$s->reset();
$c->setAssocResponse(true);
$s->respond(200, '{}')->respond(207, '{"errors":[{"batch_index":1}]}')->respond(207, '{"errors":[{"batch_index":0}]}')
    ->respond(200, '{}');
var_dump($c->track->batch(['batch' => ops(8)]));

echo "-- odd answers\n";
foreach ([
    ['[1,2]', '{"errors":[{"batch_index":0}]}'],
    ['"text"', '{"errors":[{"batch_index":1}]}'],
    ['', '{"errors":[{"batch_index":0}]}'],
    ['{"errors":"not a list"}', '{"errors":[{"batch_index":0}]}'],
    ['{"errors":[1,"x",null,{"batch_index":"3"},{"batch_index":1.5},[]]}', '{"errors":[{"batch_index":0},{"no":1}]}'],
    ['{"errors":{"k":{"batch_index":0}}}', '{"errors":{"k":{"batch_index":1}}}'],
] as $answers) {
    foreach ([false, true] as $assoc) {
        $s->reset();
        foreach ($answers as $a) {
            $s->respond(207, $a);
        }
        $c->setAssocResponse($assoc);
        echo $assoc ? '  arrays  ' : '  objects ', json_encode($c->track->batch(['batch' => ops(2 * count($answers))])), "\n";
    }
}
$c->setAssocResponse(false);

echo "-- an operation over max_entity_bytes: nothing sent\n";
$s->reset();
$small = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0, 'max_batch_bytes' => 700,
    'max_entity_bytes' => 300]);
$big = ops(6);
$big[4]['attributes']['pad'] = str_repeat('y', 400);
try {
    $small->track->batch(['batch' => $big]);
} catch (Customerio\Exception\InvalidArgumentException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo count($s->requests()), " requests\n";

echo "-- a failing chunk: earlier chunks sent once, later ones not\n";
$s->reset();
$s->respond(200, '{}')->respond(422, '{"errors":[{"reason":"bad"}]}');
try {
    $c->track->batch(['batch' => ops(8)]);
} catch (Customerio\Exception\PartialBatchException $e) {
    $p = $e->getPrevious();
    echo get_class($e), ' <- ', get_class($p), ' ', $p->getCode(), "\n";
    echo 'accepted ', json_encode($e->getAccepted()), ' rejected ', json_encode($e->getRejected()), ' failed ',
        json_encode($e->getFailed()), ' not sent ', json_encode($e->getNotSent()), "\n";
}
report($s);

echo "-- a retried chunk: same bytes, nothing lost or doubled\n";
$s->reset();
$s->respond(200, '{}')->respond(502, '')->respond(200, '{}');
$r = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 1, 'max_batch_bytes' => 700, 'max_concurrency' => 1]);
var_dump($r->track->batch(['batch' => ops(6)]));
$req = $s->requests();
var_dump($req[1]['body'] === $req[2]['body']);
report($s);

echo "-- empty batch: one request\n";
$s->reset();
var_dump($c->track->batch(['batch' => []]));
echo $s->requests()[0]['body'], "\n";
?>
--EXPECTF--
-- split in order
object(stdClass)#%d (0) {
}
  <=700 ["p0","p1"]
  <=700 ["p2","p3"]
  <=700 ["p4","p5"]
  <=700 ["p6","p7"]
-- merged 207 answers, objects
{"errors":[{"batch_index":1,"reason":"a"},{"batch_index":4,"reason":"b"},{"batch_index":5,"reason":"c"},{"batch_index":6,"reason":"d","field":"x"}]}
-- merged 207 answers, arrays
array(1) {
  ["errors"]=>
  array(2) {
    [0]=>
    array(1) {
      ["batch_index"]=>
      int(3)
    }
    [1]=>
    array(1) {
      ["batch_index"]=>
      int(4)
    }
  }
}
-- odd answers
  objects {"errors":[{"batch_index":2}]}
  arrays  {"0":1,"1":2,"errors":[{"batch_index":2}]}
  objects {"errors":[{"batch_index":3}]}
  arrays  {"errors":[{"batch_index":3}]}
  objects {"errors":[{"batch_index":2}]}
  arrays  {"errors":[{"batch_index":2}]}
  objects {"errors":[{"batch_index":2}]}
  arrays  {"errors":[{"batch_index":2}]}
  objects {"errors":[1,"x",null,{"batch_index":"3"},{"batch_index":1.5},[],{"batch_index":2},{"no":1}]}
  arrays  {"errors":[1,"x",null,{"batch_index":"3"},{"batch_index":1.5},[],{"batch_index":2},{"no":1}]}
  objects {"errors":{"k":{"batch_index":0}}}
  arrays  {"errors":{"k":{"batch_index":0},"0":{"batch_index":3}}}
-- an operation over max_entity_bytes: nothing sent
Customerio\Exception\InvalidArgumentException: Batch operation #4 is %d bytes of JSON, over the limit of 300 bytes per operation (max_entity_bytes); nothing was sent
0 requests
-- a failing chunk: earlier chunks sent once, later ones not
Customerio\Exception\PartialBatchException <- Customerio\Exception\ClientException 422
accepted [0,1] rejected [] failed [2,3] not sent [4,5,6,7]
  <=700 ["p0","p1"]
  <=700 ["p2","p3"]
-- a retried chunk: same bytes, nothing lost or doubled
object(stdClass)#%d (0) {
}
bool(true)
  <=700 ["p0","p1"]
  <=700 ["p2","p3"]
  <=700 ["p2","p3"]
  <=700 ["p4","p5"]
-- empty batch: one request
object(stdClass)#%d (0) {
}
{"batch":[]}
