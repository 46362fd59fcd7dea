--TEST--
ini customerio.timeout is respected (and overridden by the timeout option); timeout settings are validated
--INI--
customerio.retries=0
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$s = cio_server();
cio_warm_up($s);
var_dump(ini_get('customerio.timeout'));

echo "-- ini timeout 0.3\n";
// 0.3 s as such; under valgrind a (warm) php -S worker may need more than that for an ordinary answer
$timeout = cio_under_valgrind() ? '2' : '0.3';
$delayMs = cio_under_valgrind() ? 8000 : 1500;
var_dump(ini_set('customerio.timeout', $timeout));
$c = cio_client($s);
$s->respond(200, '{}', [], $delayMs);
$start = microtime(true);
$e = cio_try('slow answer', fn() => $c->post('slow', ['a' => 1]));
$elapsed = microtime(true) - $start;
echo 'gave up before the answer: ', var_export($elapsed >= (float) $timeout - 0.05 && $elapsed < $delayMs / 1000 - 0.2, true), "\n";
var_dump($e instanceof Customerio\Exception\ConnectException && str_starts_with($e->getMessage(), 'cURL error 28: '));
cio_try('next call', fn() => $c->post('fast', ['a' => 1]));

echo "-- the option wins over the ini\n";
$c = cio_client($s, ['timeout' => 10]);
$s->respond(200, '{"ok":1}', [], (int) ($timeout * 1000) + 400);
cio_try('slow answer, timeout option 10', fn() => $c->post('slow', ['a' => 1]));

echo "-- a client keeps the ini value it was built with\n";
ini_set('customerio.timeout', '10');
$c2 = cio_client($s);
ini_set('customerio.timeout', $timeout);
$s->respond(200, '{"ok":2}', [], (int) ($timeout * 1000) + 400);
cio_try('built with 10', fn() => $c2->post('slow', ['a' => 1]));

echo "-- invalid values\n";
// refused by the ini itself (see 027-ini-invalid.phpt): the setting keeps its value
echo 'ini -1: ', var_export(@ini_set('customerio.timeout', '-1'), true), ' ', ini_get('customerio.timeout'), "\n";
ini_set('customerio.timeout', '5');
echo 'ini connect_timeout -0.5: ', var_export(@ini_set('customerio.connect_timeout', '-0.5'), true), ' ',
    ini_get('customerio.connect_timeout'), "\n";
cio_try('option -1', fn() => cio_client($s, ['timeout' => -1]));
cio_try('option INF', fn() => cio_client($s, ['timeout' => INF]));
cio_try('option NAN', fn() => cio_client($s, ['connect_timeout' => NAN]));
cio_try('option string', fn() => cio_client($s, ['timeout' => '1']));
cio_try('option null', fn() => cio_client($s, ['connect_timeout' => null]));
cio_try('option 0 (no limit)', fn() => cio_client($s, ['timeout' => 0]));

echo "-- customerio.exceptions accepts auto, native, guzzle only\n";
var_dump(ini_set('customerio.exceptions', 'bogus'), ini_get('customerio.exceptions'));
var_dump(ini_set('customerio.exceptions', 'NATIVE'), ini_get('customerio.exceptions'));

$paths = array_map(fn($r) => $r['path'], $s->requests());
sort($paths);
echo implode(' ', $paths), "\n";
?>
--EXPECTF--
string(1) "5"
-- ini timeout 0.3
string(1) "5"
slow answer: Customerio\Exception\ConnectException: cURL error 28: %s
gave up before the answer: true
bool(true)
next call: OK stdClass
-- the option wins over the ini
slow answer, timeout option 10: OK stdClass
-- a client keeps the ini value it was built with
built with 10: OK stdClass
-- invalid values
ini -1: false %s
ini connect_timeout -0.5: false 2
option -1: Customerio\Exception\InvalidArgumentException: timeout must be a number of seconds >= 0
option INF: Customerio\Exception\InvalidArgumentException: timeout must be a number of seconds >= 0
option NAN: Customerio\Exception\InvalidArgumentException: connect_timeout must be a number of seconds >= 0
option string: TypeError: Customerio\Client option "timeout" must be of type int|float, string given
option null: TypeError: Customerio\Client option "connect_timeout" must be of type int|float, null given
option 0 (no limit): OK Customerio\Client
-- customerio.exceptions accepts auto, native, guzzle only

Warning: ini_set(): customerio.exceptions must be auto, native or guzzle in %s on line %d
bool(false)
string(4) "auto"
string(4) "auto"
string(6) "NATIVE"
/api/v1/fast /api/v1/slow /api/v1/slow /api/v1/slow
