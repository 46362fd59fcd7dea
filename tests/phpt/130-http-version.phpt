--TEST--
http_version: HTTP/1.1 for one request at a time, HTTP/2 (ALPN) when a call has several in flight; the option and customerio.http_version force either
--INI--
customerio.retries=0
--FILE--
<?php
require __DIR__ . '/inc/common.inc';
require __DIR__ . '/../server/AlpnServer.php';

use Customerio\Tests\AlpnServer;

$s = AlpnServer::start();
$seen = 0;

/** Runs $fn, then prints how it ended and the protocols of the connections it opened (ALPN, first line). */
function show(AlpnServer $s, string $label, callable $fn): void
{
    global $seen;
    try {
        $fn();
        $how = 'answered';
    } catch (Throwable $e) {
        $how = get_class($e);
    }
    $new = array_slice($s->connections(), $seen);
    $seen += count($new);
    // concurrent requests may use one connection or several: the distinct protocols are what is asserted
    $protocols = array_values(array_unique(array_map(fn($c) => $c['alpn'] . ' ' . $c['first'], $new)));
    sort($protocols);
    echo $label, ': ', $how, ': ', implode(' | ', $protocols), "\n";
}

function client(AlpnServer $s, array $options = []): Customerio\Client
{
    return new Customerio\Client('api-key', 'site-id', $options + ['track_url' => $s->url(), 'verify' => false, 'timeout' => 60, 'connect_timeout' => 60]);
}

$op = fn(int $i) => ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => "user-$i"]];
// two operations, one request each: max_batch_bytes holds one operation's JSON but not two
$batch = ['batch' => [$op(1), $op(2)]];
$split = ['max_batch_bytes' => 100, 'max_concurrency' => 2];

var_dump(ini_get('customerio.http_version'));
show($s, 'default, entity()', fn() => client($s)->track->entity($op(1)));
show($s, 'default, batch() of 2 requests at once', fn() => client($s, $split)->track->batch($batch));
show($s, '"1.1", entity()', fn() => client($s, ['http_version' => '1.1'])->track->entity($op(1)));
show($s, '"1.1", batch() of 2 requests at once', fn() => client($s, ['http_version' => '1.1'] + $split)->track->batch($batch));
show($s, '"2", entity()', fn() => client($s, ['http_version' => '2'])->track->entity($op(1)));

echo "-- ini\n";
var_dump(ini_set('customerio.http_version', '2'));
show($s, 'ini 2, entity()', fn() => client($s)->track->entity($op(1)));
show($s, 'ini 2, option "1.1", entity()', fn() => client($s, ['http_version' => '1.1'])->track->entity($op(1)));
var_dump(ini_set('customerio.http_version', 'h3'), ini_get('customerio.http_version'));
var_dump(ini_set('customerio.http_version', 'auto'));

echo "-- invalid options\n";
cio_try('"3"', fn() => client($s, ['http_version' => '3']));
cio_try('"1.1 "', fn() => client($s, ['http_version' => '1.1 ']));
cio_try('2 (int)', fn() => client($s, ['http_version' => 2]));
echo 'connections opened by invalid clients: ', count($s->connections()) - $seen, "\n";
$s->stop();
?>
--EXPECTF--
string(4) "auto"
default, entity(): answered: http/1.1 POST /api/v2/entity HTTP/1.1
default, batch() of 2 requests at once: %s: h2 PRI * HTTP/2.0
"1.1", entity(): answered: http/1.1 POST /api/v2/entity HTTP/1.1
"1.1", batch() of 2 requests at once: answered: http/1.1 POST /api/v2/batch HTTP/1.1
"2", entity(): %s: h2 PRI * HTTP/2.0
-- ini
string(4) "auto"
ini 2, entity(): %s: h2 PRI * HTTP/2.0
ini 2, option "1.1", entity(): answered: http/1.1 POST /api/v2/entity HTTP/1.1

Warning: ini_set(): customerio.http_version must be auto, 1.1 or 2 in %s on line %d
bool(false)
string(1) "2"
string(1) "2"
-- invalid options
"3": Customerio\Exception\InvalidArgumentException: http_version must be "auto", "1.1" or "2"
"1.1 ": Customerio\Exception\InvalidArgumentException: http_version must be "auto", "1.1" or "2"
2 (int): TypeError: Customerio\Client option "http_version" must be of type string, int given
connections opened by invalid clients: 0
