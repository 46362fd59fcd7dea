--TEST--
Track::replay(): missing file, broken line (file left as it was), failure (operations put back), half-way failure, CRLF and blank lines, success removes the file
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$s = FaultServer::start();
$dir = sys_get_temp_dir() . '/cio-phpt-106-' . getmypid();
mkdir($dir);
$file = "$dir/customerio-spool.jsonl";
$c = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0, 'max_batch_bytes' => 400]);

function line(string $id): string
{
    return json_encode(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $id],
        'attributes' => ['pad' => str_repeat('r', 100)]]);
}

function sent(FaultServer $s): string
{
    $ids = [];
    foreach ($s->requests() as $r) {
        $ids[] = implode(',', array_map(fn($op) => $op['identifiers']['id'], $r['json']['batch'] ?? []));
    }
    return json_encode($ids);
}

function attempt(callable $fn): void
{
    try {
        var_dump($fn());
    } catch (Throwable $e) {
        echo get_class($e), ': ', str_replace(sys_get_temp_dir(), 'TMP', $e->getMessage()), "\n";
    }
}

echo "-- missing\n";
attempt(fn() => $c->track->replay($file));
echo sent($s), ' ', json_encode(array_map('basename', glob("$dir/*"))), "\n";

echo "-- broken line\n";
$content = line('a') . "\n" . line('b') . "\n[unterminated\n" . line('c') . "\n";
file_put_contents($file, $content);
attempt(fn() => $c->track->replay($file));
echo sent($s), ' unchanged: ', var_export(file_get_contents($file) === $content, true), ' ',
    json_encode(array_map('basename', glob("$dir/*"))), "\n";
foreach (['5', '"text"', 'null', '{"a":1', "\xff\xfe"] as $bad) {
    file_put_contents($file, line('x') . "\n$bad\n");
    attempt(fn() => $c->track->replay($file));
}
unlink($file);

echo "-- CRLF and blank lines are fine\n";
file_put_contents($file, line('a') . "\r\n\r\n" . line('b') . "\n\n\n" . line('c'));
attempt(fn() => $c->track->replay($file));
echo sent($s), ' exists: ', var_export(file_exists($file), true), "\n";
$s->reset();

echo "-- failure puts everything back\n";
file_put_contents($file, line('a') . "\n" . line('b') . "\n");
$s->respond(500, '{}');
attempt(fn() => $c->track->replay($file));
echo sent($s), ' back: ', json_encode(array_map(fn($l) => json_decode($l, true)['identifiers']['id'], file($file, FILE_IGNORE_NEW_LINES))), "\n";
$s->reset();

echo "-- half-way failure puts back only the rest\n";
file_put_contents($file, implode("\n", array_map('line', ['a', 'b', 'c', 'd', 'e', 'f', 'g'])) . "\n");
$s->respond(200, '{}')->script(['close']);
attempt(fn() => $c->track->replay($file));
echo sent($s), ' back: ', json_encode(array_map(fn($l) => json_decode($l, true)['identifiers']['id'], file($file, FILE_IGNORE_NEW_LINES))), "\n";
$s->reset();
attempt(fn() => $c->track->replay($file));
echo sent($s), ' exists: ', var_export(file_exists($file), true), "\n";
$s->reset();

echo "-- a big spool\n";
$lines = '';
for ($i = 0; $i < 3000; $i++) {
    $lines .= json_encode(['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => "u$i"], 'name' => 'n',
        'id' => sprintf('01ARZ3NDEKTSV4RRFF%08d', $i)]) . "\n";
}
file_put_contents($file, $lines);
$big = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0]);
attempt(fn() => $big->track->replay($file));
$ids = [];
foreach ($s->requests() as $r) {
    foreach ($r['json']['batch'] as $op) {
        $ids[] = $op['id'];
    }
}
echo count($s->requests()), ' request(s), ', count($ids), ' ops, in order: ',
    var_export($ids === array_map(fn($i) => sprintf('01ARZ3NDEKTSV4RRFF%08d', $i), range(0, 2999)), true), "\n";
@rmdir($dir);
echo json_encode(is_dir($dir)), "\n";
?>
--EXPECTF--
-- missing
int(0)
[] []
-- broken line
Customerio\Exception\InvalidArgumentException: TMP/cio-phpt-106-%d/customerio-spool.jsonl line 3 is not a JSON operation; nothing was sent
[] unchanged: true ["customerio-spool.jsonl"]
Customerio\Exception\InvalidArgumentException: TMP/cio-phpt-106-%d/customerio-spool.jsonl line 2 is not a JSON operation; nothing was sent
Customerio\Exception\InvalidArgumentException: TMP/cio-phpt-106-%d/customerio-spool.jsonl line 2 is not a JSON operation; nothing was sent
Customerio\Exception\InvalidArgumentException: TMP/cio-phpt-106-%d/customerio-spool.jsonl line 2 is not a JSON operation; nothing was sent
Customerio\Exception\InvalidArgumentException: TMP/cio-phpt-106-%d/customerio-spool.jsonl line 2 is not a JSON operation; nothing was sent
Customerio\Exception\InvalidArgumentException: TMP/cio-phpt-106-%d/customerio-spool.jsonl line 2 is not a JSON operation; nothing was sent
-- CRLF and blank lines are fine
int(3)
["a,b","c"] exists: false
-- failure puts everything back
Customerio\Exception\ServerException: Server error: `POST http://127.0.0.1:%d/api/v2/batch` resulted in a `500 Internal Server Error` response:
{}

["a,b"] back: ["a","b"]
-- half-way failure puts back only the rest
Customerio\Exception\ConnectException: cURL error 52: Empty reply from server (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for http://127.0.0.1:%d/api/v2/batch
["a,b","c,d"] back: ["c","d","e","f","g"]
int(5)
["c,d","e,f","g"] exists: false
-- a big spool
int(3000)
1 request(s), 3000 ops, in order: true
false
