--TEST--
Payloads json_encode() rejects throw Customerio\Exception\InvalidArgumentException "json_encode error: ..." and send nothing
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

enum Suit { case Hearts; }

class Thrower implements JsonSerializable
{
    public function jsonSerialize(): mixed
    {
        throw new DomainException('thrown by jsonSerialize');
    }
}

class SelfRef implements JsonSerializable
{
    public array $data = [];

    public function jsonSerialize(): mixed
    {
        return ['me' => $this->data];
    }
}

$s = cio_server();
$c = cio_client($s);

$recursiveArray = ['a' => 1];
$recursiveArray['self'] = &$recursiveArray;
$recursiveObject = new stdClass();
$recursiveObject->self = $recursiveObject;
$recursiveSerializable = new SelfRef();
$recursiveSerializable->data = ['again' => $recursiveSerializable];

// the deepest nesting json_encode() accepts with its default depth (512), and one level more
$ok = 'leaf';
for ($depth = 0; json_encode([$ok]) !== false; $depth++) {
    $ok = [$ok];
}
$tooDeep = [$ok];
printf("json_encode accepts %d levels: %s; one more: %s\n", $depth, var_export(json_encode($ok) !== false, true),
    var_export(json_encode($tooDeep), true));

$cases = [
    'invalid UTF-8 value' => ['name' => "caf\xe9"],
    'invalid UTF-8 key' => ["k\xff" => 1],
    'truncated UTF-8' => ['name' => "\xc3"],
    'NAN' => ['n' => NAN],
    'INF' => ['n' => INF],
    '-INF nested' => ['a' => ['b' => [-INF]]],
    'recursive array' => $recursiveArray,
    'recursive object' => ['o' => $recursiveObject],
    'recursive JsonSerializable' => ['o' => $recursiveSerializable],
    'deeper than 512' => $tooDeep,
    'resource' => ['r' => STDERR],
    'non-backed enum' => ['suit' => Suit::Hearts],
];

json_encode(null); // clear json_last_error()
foreach ($cases as $label => $payload) {
    $e = cio_try($label, fn() => $c->post('events', $payload));
    if ($e) {
        json_encode($payload);
        printf("  code %d, same text as json_encode(): %s\n", $e->getCode(),
            var_export($e->getMessage() === 'json_encode error: ' . json_last_error_msg(), true));
    }
}

echo "-- through put(), delete(), Track::entity() and Track::batch()\n";
cio_try('put', fn() => $c->put('customers/1', ['name' => "\xff"]));
cio_try('delete', fn() => $c->delete('customers/1', ['n' => NAN]));
cio_try('entity', fn() => $c->track->entity(cio_entity(['attributes' => ['bad' => "\xfe"]])));
cio_try('batch', fn() => $c->track->batch(['batch' => [cio_entity(['attributes' => ['x' => INF]])]]));

echo "-- an exception from jsonSerialize() propagates as it is\n";
$e = cio_try('jsonSerialize throws', fn() => $c->post('events', ['t' => new Thrower()]));
var_dump($e->getPrevious());

echo "-- nothing reached the server\n";
var_dump(count($s->requests()));

echo "-- the client still works, and one level less than too deep is fine\n";
var_dump($c->post('events', $ok));
$r = $s->single();
var_dump($r['json'] === json_decode(json_encode($ok), true));
?>
--EXPECTF--
json_encode accepts 512 levels: true; one more: false
invalid UTF-8 value: Customerio\Exception\InvalidArgumentException: json_encode error: Malformed UTF-8 characters, possibly incorrectly encoded
  code 0, same text as json_encode(): true
invalid UTF-8 key: Customerio\Exception\InvalidArgumentException: json_encode error: Malformed UTF-8 characters, possibly incorrectly encoded
  code 0, same text as json_encode(): true
truncated UTF-8: Customerio\Exception\InvalidArgumentException: json_encode error: Malformed UTF-8 characters, possibly incorrectly encoded
  code 0, same text as json_encode(): true
NAN: Customerio\Exception\InvalidArgumentException: json_encode error: Inf and NaN cannot be JSON encoded
  code 0, same text as json_encode(): true
INF: Customerio\Exception\InvalidArgumentException: json_encode error: Inf and NaN cannot be JSON encoded
  code 0, same text as json_encode(): true
-INF nested: Customerio\Exception\InvalidArgumentException: json_encode error: Inf and NaN cannot be JSON encoded
  code 0, same text as json_encode(): true
recursive array: Customerio\Exception\InvalidArgumentException: json_encode error: Recursion detected
  code 0, same text as json_encode(): true
recursive object: Customerio\Exception\InvalidArgumentException: json_encode error: Recursion detected
  code 0, same text as json_encode(): true
recursive JsonSerializable: Customerio\Exception\InvalidArgumentException: json_encode error: Recursion detected
  code 0, same text as json_encode(): true
deeper than 512: Customerio\Exception\InvalidArgumentException: json_encode error: Maximum stack depth exceeded
  code 0, same text as json_encode(): true
resource: Customerio\Exception\InvalidArgumentException: json_encode error: Type is not supported
  code 0, same text as json_encode(): true
non-backed enum: Customerio\Exception\InvalidArgumentException: json_encode error: Non-backed enums have no default serialization
  code 0, same text as json_encode(): true
-- through put(), delete(), Track::entity() and Track::batch()
put: Customerio\Exception\InvalidArgumentException: json_encode error: Malformed UTF-8 characters, possibly incorrectly encoded
delete: Customerio\Exception\InvalidArgumentException: json_encode error: Inf and NaN cannot be JSON encoded
entity: Customerio\Exception\InvalidArgumentException: json_encode error: Malformed UTF-8 characters, possibly incorrectly encoded
batch: Customerio\Exception\InvalidArgumentException: json_encode error: Inf and NaN cannot be JSON encoded
-- an exception from jsonSerialize() propagates as it is
jsonSerialize throws: DomainException: thrown by jsonSerialize
NULL
-- nothing reached the server
int(0)
-- the client still works, and one level less than too deep is fine
object(stdClass)#%d (0) {
}
bool(true)
