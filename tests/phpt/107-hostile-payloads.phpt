--TEST--
Hostile payloads: jsonSerialize() that changes the operations being sent (through a reference), recursion, depth, resources, 5 MB strings, wrong types: an answer or an exception, never a crash
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$s = FaultServer::start();
$c = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0, 'max_batch_bytes' => 400]);

function attempt(string $label, callable $fn): void
{
    try {
        $r = $fn();
        echo "$label: ", is_object($r) ? get_class($r) : var_export($r, true), "\n";
    } catch (Throwable $e) {
        echo "$label: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}

function op($id, array $attributes = []): array
{
    return ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $id], 'attributes' => $attributes];
}

class Grows implements JsonSerializable
{
    public function jsonSerialize(): mixed
    {
        global $ops;
        for ($i = 0; $i < 40; $i++) {
            $ops[] = op("grown$i"); // the array batch() is walking through, behind a reference
        }
        return 'g';
    }
}

class Empties implements JsonSerializable
{
    public function jsonSerialize(): mixed
    {
        global $ops;
        $ops = []; // frees the operations batch() is walking through
        return 'e';
    }
}

class Replaces implements JsonSerializable
{
    public function jsonSerialize(): mixed
    {
        global $ops;
        $ops[1] = str_repeat('not an operation', 3);
        unset($ops[2]);
        return 'r';
    }
}

echo "-- the operations array changes while it is encoded\n";
foreach (['Grows', 'Empties', 'Replaces'] as $class) {
    $s->reset();
    $ops = [op('first', ['x' => new $class()]), op('second'), op('third')];
    $input = ['batch' => &$ops];
    attempt($class, fn() => $c->track->batch($input));
    unset($input);
    echo '  requests: ', count($s->requests()) > 0 ? 'some' : 'none', "\n";
}

echo "-- the same through entity() and queue()\n";
$s->reset();
$ops = [op('q')];
$op = op('e', ['x' => new Empties()]);
attempt('entity', fn() => $c->track->entity($op));
attempt('queue', fn() => $c->track->queue($op));
attempt('flush', fn() => $c->track->flush());

echo "-- recursion and depth\n";
$s->reset();
$a = ['x' => 1];
$a['me'] = &$a;
$o = new stdClass();
$o->me = $o;
$deep = 'bottom';
for ($i = 0; $i < 600; $i++) {
    $deep = [$deep];
}
foreach (['array recursion' => $a, 'object recursion' => $o, '600 levels' => $deep] as $label => $value) {
    attempt("$label entity", fn() => $c->track->entity(op(1, ['v' => $value])));
    attempt("$label batch", fn() => $c->track->batch(['batch' => [op(0), op(1, ['v' => $value])]]));
    attempt("$label queue", fn() => $c->track->queue(op(1, ['v' => $value])));
}
$a['me'] = null;
$o->me = null;
echo '  requests: ', count($s->requests()), "\n";

echo "-- resources, closures, generators\n";
$fh = fopen('php://memory', 'r');
function gen() { yield 1; }
foreach (['resource' => $fh, 'closure' => fn() => 1, 'generator' => gen(), 'INF' => INF] as $label => $value) {
    attempt($label, fn() => $c->track->entity(op(1, ['v' => $value])));
}
echo '  bodies: ', json_encode(array_column($s->requests(), 'body')), "\n";

echo "-- 5 MB strings\n";
$s->reset();
$five = str_repeat("\u{00e9}", 2_621_440);
attempt('entity', fn() => $c->track->entity(op(1, ['blob' => $five])));
attempt('batch', fn() => $c->track->batch(['batch' => [op(0), op(1, ['blob' => $five])]]));
attempt('queue', fn() => $c->track->queue(op(1, ['blob' => $five])));
attempt('flush', fn() => $c->track->flush());
echo '  requests: ', count($s->requests()), "\n";

echo "-- wrong types\n";
attempt('batch string', fn() => $c->track->batch(['batch' => 'nope']));
attempt('batch int', fn() => $c->track->batch(['batch' => 42]));
attempt('batch of strings', fn() => $c->track->batch(['batch' => ['a', 'b']]));
attempt('batch with a reference', function () use ($c) {
    $op = op('ref');
    $list = [&$op, &$op];
    return $c->track->batch(['batch' => $list]);
});
attempt('queue string', fn() => $c->track->queue('nope'));
echo "done\n";
?>
--EXPECTF--
-- the operations array changes while it is encoded
Grows: %s
  requests: %s
Empties: %s
  requests: %s
Replaces: %s
  requests: %s
-- the same through entity() and queue()
entity: stdClass
queue: NULL
flush: stdClass
-- recursion and depth
array recursion entity: Customerio\Exception\InvalidArgumentException: json_encode error: %s
array recursion batch: Customerio\Exception\InvalidArgumentException: json_encode error: %s
array recursion queue: Customerio\Exception\InvalidArgumentException: json_encode error: %s
object recursion entity: Customerio\Exception\InvalidArgumentException: json_encode error: Recursion detected
object recursion batch: Customerio\Exception\InvalidArgumentException: json_encode error: Recursion detected
object recursion queue: Customerio\Exception\InvalidArgumentException: json_encode error: Recursion detected
600 levels entity: Customerio\Exception\InvalidArgumentException: json_encode error: Maximum stack depth exceeded
600 levels batch: Customerio\Exception\InvalidArgumentException: json_encode error: Maximum stack depth exceeded
600 levels queue: Customerio\Exception\InvalidArgumentException: json_encode error: Maximum stack depth exceeded
  requests: 0
-- resources, closures, generators
resource: Customerio\Exception\InvalidArgumentException: json_encode error: Type is not supported
closure: stdClass
generator: stdClass
INF: Customerio\Exception\InvalidArgumentException: json_encode error: Inf and NaN cannot be JSON encoded
  bodies: ["{\"type\":\"person\",\"action\":\"identify\",\"identifiers\":{\"id\":1},\"attributes\":{\"v\":{}}}","{\"type\":\"person\",\"action\":\"identify\",\"identifiers\":{\"id\":1},\"attributes\":{\"v\":{}}}"]
-- 5 MB strings
entity: Customerio\Exception\InvalidArgumentException: The operation is %d bytes of JSON, over the limit of 32768 bytes per operation (max_entity_bytes); nothing was sent
batch: Customerio\Exception\InvalidArgumentException: Batch operation #1 is %d bytes of JSON, over the limit of 32768 bytes per operation (max_entity_bytes); nothing was sent
queue: Customerio\Exception\InvalidArgumentException: The operation is %d bytes of JSON, over the limit of 32768 bytes per operation (max_entity_bytes); nothing was sent
flush: NULL
  requests: 0
-- wrong types
batch string: TypeError: Customerio\Endpoint\Track::batch(): option "batch" must be of type array (a list of operations), string given
batch int: TypeError: Customerio\Endpoint\Track::batch(): option "batch" must be of type array (a list of operations), int given
batch of strings: stdClass
batch with a reference: stdClass
queue string: TypeError: Customerio\Endpoint\Track::queue(): Argument #1 ($operation) must be of type array, string given
done
