--TEST--
Request bodies go through ext/json: what the server receives decodes exactly like json_encode() of the payload
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

class Money implements JsonSerializable
{
    public function __construct(private int $cents, private string $currency) {}

    public function jsonSerialize(): mixed
    {
        return ['amount' => $this->cents / 100, 'currency' => $this->currency, 'meta' => null];
    }
}

class Point
{
    public $x = 1.5;
    public $y = -2;
    protected $hidden = 'not encoded';
    private $secret = 'not encoded either';
}

$s = cio_server();
// the payloads here are far over Customer.io's per-operation limit: lift it, the encoding is what is tested
$c = cio_client($s, ['max_entity_bytes' => 100000000, 'max_batch_bytes' => 100000000, 'auto_event_id' => false]);

$deep = 'leaf';
for ($i = 0; $i < 500; $i++) {
    $deep = [$deep];
}

$payload = [
    'unicode' => "Zażółć gęślą jaźń – 日本語 – 😀 – \u{2028}\u{2029} – \u{FEFF}",
    'escapes' => "quote \" backslash \\ slash / tab \t newline \n cr \r nul \0 bell \x07 del \x7f",
    'html' => '<script>alert("x")</script> & \'',
    'url' => 'https://example.com/a/b?c=d&e=f#g',
    'floats' => [0.1, 0.2 + 0.1, 1e100, -1e-100, -0.0, 0.0, 1.0, 3.0e15, PHP_FLOAT_EPSILON, PHP_FLOAT_MAX, PHP_FLOAT_MIN, 1/3],
    'ints' => [PHP_INT_MAX, PHP_INT_MIN, 0, -1, 9007199254740993],
    'bools' => [true, false, null],
    'empty_list' => [],
    'nested_empty' => [[], [[]], [[[]]], ['k' => []], ['k' => [[]]]],
    'list' => ['a', 'b', 'c'],
    'map_from_1' => [1 => 'a', 2 => 'b'],
    'sparse' => [0 => 'a', 2 => 'c'],
    'reordered' => [1 => 'b', 0 => 'a'],
    'numeric_string_keys' => ['10' => 'ten', '-5' => 'minus five', '007' => 'bond'],
    'mixed_keys' => ['a', 'k' => 'v', 'b'],
    'empty_key' => ['' => 'empty key'],
    'stdclass' => (object) ['a' => 1, 'b' => (object) ['c' => [1, 2]], 'list' => (object) ['x', 'y']],
    'empty_object' => new stdClass(),
    'object_props' => new Point(),
    'json_serializable' => new Money(12345, 'EUR'),
    'list_of_serializables' => [new Money(1, 'USD'), new Money(-250, 'PLN')],
    'date' => new DateTime('2020-02-29 13:14:15.123456', new DateTimeZone('Europe/Warsaw')),
    'date_immutable' => new DateTimeImmutable('@0'),
    'deep' => $deep,
    'long_string' => str_repeat('abc😀', 50000),
];

function same(string $what, string $received, $payload): void
{
    $expected = json_encode($payload);
    if ($expected === false) {
        echo "$what: json_encode() itself failed: ", json_last_error_msg(), "\n";
        return;
    }
    // serialize() keeps float signs (-0.0) and int/float distinctions that == or === would blur
    $asArrays = serialize(json_decode($received, true, 1024)) === serialize(json_decode($expected, true, 1024));
    $asObjects = serialize(json_decode($received, false, 1024)) === serialize(json_decode($expected, false, 1024));
    printf("%s: arrays %s, objects %s\n", $what, $asArrays ? 'same' : 'DIFFERENT', $asObjects ? 'same' : 'DIFFERENT');
}

echo "-- Client::post()\n";
$c->post('custom', $payload);
$r = $s->single();
echo $r['headers']['content-type'], "\n";
same('post', $r['body'], $payload);
// a sanity check of same(): a different payload does not pass
same('post vs changed payload', $r['body'], ['unicode' => 'x'] + $payload);

echo "-- each key on its own\n";
foreach ($payload as $key => $value) {
    $s->reset();
    $c->post('one', ['v' => $value]);
    same($key, $s->single()['body'], ['v' => $value]);
}

echo "-- top-level list\n";
$s->reset();
$c->post('list', [1, 'two', [3]]);
same('top-level list', $s->single()['body'], [1, 'two', [3]]);

echo "-- Track::entity() and batch()\n";
$s->reset();
$op = cio_entity(['attributes' => $payload]);
$c->track->entity($op);
$r = $s->single();
echo $r['path'], "\n";
same('entity', $r['body'], $op);

$s->reset();
$batch = ['batch' => [cio_entity(['attributes' => ['a' => 0.1]]), cio_entity(['attributes' => new stdClass()])]];
$c->track->batch($batch);
$r = $s->single();
echo $r['path'], "\n";
same('batch', $r['body'], $batch);
?>
--EXPECT--
-- Client::post()
application/json
post: arrays same, objects same
post vs changed payload: arrays DIFFERENT, objects DIFFERENT
-- each key on its own
unicode: arrays same, objects same
escapes: arrays same, objects same
html: arrays same, objects same
url: arrays same, objects same
floats: arrays same, objects same
ints: arrays same, objects same
bools: arrays same, objects same
empty_list: arrays same, objects same
nested_empty: arrays same, objects same
list: arrays same, objects same
map_from_1: arrays same, objects same
sparse: arrays same, objects same
reordered: arrays same, objects same
numeric_string_keys: arrays same, objects same
mixed_keys: arrays same, objects same
empty_key: arrays same, objects same
stdclass: arrays same, objects same
empty_object: arrays same, objects same
object_props: arrays same, objects same
json_serializable: arrays same, objects same
list_of_serializables: arrays same, objects same
date: arrays same, objects same
date_immutable: arrays same, objects same
deep: arrays same, objects same
long_string: arrays same, objects same
-- top-level list
top-level list: arrays same, objects same
-- Track::entity() and batch()
/api/v2/entity
entity: arrays same, objects same
/api/v2/batch
batch: arrays same, objects same
