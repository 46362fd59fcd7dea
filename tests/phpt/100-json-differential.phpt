--TEST--
Differential JSON: >= 10,000 random nested values reach the server exactly as json_decode(json_encode($v), true), or are refused with nothing sent
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

// 10,000 values take under 2 s normally and about 25 s under valgrind (run-tests.php -m, USE_ZEND_ALLOC=0);
// should valgrind get too slow, lower the count there only
$underValgrind = getenv('USE_ZEND_ALLOC') === '0';
$total = $underValgrind ? 10000 : 10000;
mt_srand(20240229);

function pick(array $a)
{
    return $a[mt_rand(0, count($a) - 1)];
}

function gen_string(): string
{
    switch (mt_rand(0, 14)) {
        case 0: return '';
        case 1: return pick(['0', '12', '-3', '007', '1.5', '1e3', ' 1', 'true', 'null']);
        case 2: return pick(["Zo\u{00eb}", "\u{65e5}\u{672c}\u{8a9e}", "\u{1F600} emoji", "\u{2028}\u{2029}", "\u{FEFF}bom"]);
        case 3: return "quote\" back\\slash /slash \t\n\r\x08\x0c";
        case 4: return "\x00\x01\x1f ctl";
        case 5: // invalid UTF-8 now and then: json_encode() refuses it
            return mt_rand(0, 9) === 0 ? pick(["\xff", "caf\xe9", "\xc3\x28", "\xed\xa0\x80", "\xf0\x28\x8c\x28"]) : 'ok';
        case 6: return str_repeat('long ', mt_rand(20, 200));
        case 7: return pick(['</script>', '<!-- x -->', '&amp;', "'single'", '%s %d %n']);
        default:
            $s = '';
            for ($i = mt_rand(0, 12); $i > 0; $i--) {
                $s .= chr(mt_rand(0x20, 0x7e));
            }
            return $s;
    }
}

function gen_key()
{
    switch (mt_rand(0, 9)) {
        case 0: return pick(['0', '1', '42', '-7', PHP_INT_MAX, '9223372036854775808', '01', '1.0']);
        case 1: return '';
        case 2: return mt_rand(0, 30) === 0 ? "k\xfe" : "cl\u{00e9}";
        case 3: return mt_rand(-5, 100);
        default: return 'k' . mt_rand(0, 50);
    }
}

function gen_value(int $depth)
{
    $kind = mt_rand(0, $depth >= 5 ? 6 : 11);
    switch ($kind) {
        case 0: return gen_string();
        case 1: return pick([PHP_INT_MAX, PHP_INT_MIN, 0, -1, 1, 2 ** 53, -(2 ** 53) - 1, mt_rand(), -mt_rand()]);
        case 2:
            if (mt_rand(0, 150) === 0) {
                return pick([INF, -INF, NAN]);
            }
            return pick([0.1, 1e308, -1e308, -0.0, 0.0, 1.5e-300, 5e-324, PHP_FLOAT_EPSILON, 1e22, 123456789.125,
                -2.5, 1/3, mt_rand() / mt_getrandmax(), (float) PHP_INT_MAX]);
        case 3: return null;
        case 4: return (bool) mt_rand(0, 1);
        case 5: return [];
        case 6: return gen_string();
        case 7: case 8: // list
            $list = [];
            for ($i = mt_rand(0, 5); $i > 0; $i--) {
                $list[] = gen_value($depth + 1);
            }
            return $list;
        case 9: case 10: // map, numeric-string keys included
            $map = [];
            for ($i = mt_rand(1, 5); $i > 0; $i--) {
                $map[gen_key()] = gen_value($depth + 1);
            }
            return $map;
        default: // stdClass
            $o = new stdClass();
            for ($i = mt_rand(0, 4); $i > 0; $i--) {
                $o->{(string) gen_key()} = gen_value($depth + 1);
            }
            return $o;
    }
}

function op_for($value, int $n): array
{
    return ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => "u$n"],
        'attributes' => ['n' => $n, 'v' => $value]];
}

$values = [];
for ($i = 0; $i < $total; $i++) {
    $values[] = gen_value(0);
}

$server = FaultServer::start();
$client = new Customerio\Client('key', 'site', ['track_url' => $server->url(), 'retries' => 0,
    'max_batch_bytes' => 50000000, 'max_entity_bytes' => 10000000]);

// phase 1: what json_encode() refuses is refused, alone or inside a batch, and nothing is sent
$good = [];
$refused = 0;
$refusedOk = true;
$goodOps = [];
foreach ($values as $n => $value) {
    if (json_encode(op_for($value, $n)) !== false) {
        $good[$n] = $value;
        continue;
    }
    $refused++;
    foreach (['entity', 'batch', 'queue'] as $how) {
        try {
            if ($how === 'entity') {
                $client->track->entity(op_for($value, $n));
            } elseif ($how === 'batch') {
                $client->track->batch(['batch' => [op_for('fine', -1), op_for($value, $n), op_for('fine', -2)]]);
            } else {
                $client->track->queue(op_for($value, $n));
            }
            $refusedOk = false;
            echo "value $n was not refused by $how\n";
        } catch (Customerio\Exception\InvalidArgumentException $e) {
            if (!str_starts_with($e->getMessage(), 'json_encode error: ')) {
                $refusedOk = false;
                echo "value $n: unexpected message ", $e->getMessage(), "\n";
            }
        }
    }
}
var_dump($client->track->flush());
$sentInPhase1 = count($server->requests());

// phase 2: everything else, mostly in batches of 100, some through entity() and queue()/flush()
$expected = [];
$chunk = [];
$i = 0;
foreach ($good as $n => $value) {
    $expected[] = $n;
    $mode = $i++ % 50;
    if ($mode < 2 && $chunk) {
        $client->track->batch(['batch' => $chunk]);
        $chunk = [];
    }
    if ($mode === 0) {
        $client->track->entity(op_for($value, $n));
    } elseif ($mode === 1) {
        $client->track->queue(op_for($value, $n));
        $client->track->flush();
    } else {
        $chunk[] = op_for($value, $n);
        if (count($chunk) === 100) {
            $client->track->batch(['batch' => $chunk]);
            $chunk = [];
        }
    }
}
if ($chunk) {
    $client->track->batch(['batch' => $chunk]);
}

// what arrived, in order of arrival
$arrived = [];
$undecodable = 0;
foreach ($server->requests() as $r) {
    $json = json_decode($r['body'], true, 4096);
    if (!is_array($json)) {
        $undecodable++;
        continue;
    }
    foreach ($r['path'] === '/api/v2/entity' ? [$json] : $json['batch'] as $op) {
        $arrived[] = $op;
    }
}
$order = array_map(fn($op) => $op['attributes']['n'] ?? null, $arrived);
$mismatches = 0;
foreach ($arrived as $op) {
    $n = $op['attributes']['n'];
    if (!array_key_exists($n, $good)
        || $op !== json_decode(json_encode(op_for($good[$n], $n)), true, 4096)) {
        if (++$mismatches <= 5) {
            echo "mismatch for value $n:\n  sent ", var_export($good[$n] ?? null, true), "\n  got  ",
                json_encode($op['attributes']['v'] ?? null, JSON_INVALID_UTF8_SUBSTITUTE), "\n";
        }
    }
}

echo 'enough values: ', var_export(count($values) >= $total && $total >= 10000, true), "\n";
echo 'both refused and accepted values: ', var_export($refused > 10 && count($good) > $total / 2, true), "\n";
echo 'refused values threw and sent nothing: ', var_export($refusedOk && $sentInPhase1 === 0, true), "\n";
echo 'every accepted value arrived once, in order: ', var_export($order === $expected, true), "\n";
echo 'bodies that are not JSON: ', $undecodable, "\n";
echo 'requests: ', count($server->requests()) >= $total / 100 ? 'many' : 'few', "\n";
echo 'mismatches: ', $mismatches, "\n";
?>
--EXPECT--
NULL
enough values: true
both refused and accepted values: true
refused values threw and sent nothing: true
every accepted value arrived once, in order: true
bodies that are not JSON: 0
requests: many
mismatches: 0
