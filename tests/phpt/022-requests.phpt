--TEST--
What goes on the wire: Track v2 entity/batch, v1 post/put/delete, App API get; validation sends nothing
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$s = cio_server();
$c = cio_client($s, [], 'KEY', 'SITE');

function line(array $r): string
{
    $h = $r['headers'];
    return sprintf("%s %s%s | auth=%s | ct=%s | accept=%s | len=%s | body=%s", $r['method'], $r['path'],
        $r['query'] !== '' ? '?' . $r['query'] : '', $h['authorization'] ?? '-', $h['content-type'] ?? '-',
        $h['accept'] ?? '-',
        isset($h['content-length']) ? ((int) $h['content-length'] === strlen($r['body']) ? 'ok' : 'WRONG ' . $h['content-length']) : '-',
        $r['body'] === '' ? "''" : $r['body']);
}

echo "-- validation, in the SDK's order, before anything is sent\n";
foreach ([
    [],
    ['type' => 'person'],
    ['type' => 'person', 'action' => 'identify'],
    ['type' => 'person', 'action' => 'identify', 'identifiers' => null],
    ['type' => null, 'action' => 'identify', 'identifiers' => ['id' => 1]],
] as $options) {
    try {
        $c->track->entity($options);
        echo "accepted\n";
    } catch (Customerio\Exception\RequestException $e) {
        printf("%s: %s (code %d, %s %s, response: %s)\n", get_class($e), $e->getMessage(), $e->getCode(),
            $e->getMethod(), $e->getUrl(), var_export($e->hasResponse(), true));
    }
}
foreach ([[], ['batch' => null]] as $options) {
    try {
        $c->track->batch($options);
    } catch (Customerio\Exception\RequestException $e) {
        printf("%s: %s\n", get_class($e), $e->getMessage());
    }
}
var_dump(count($s->requests()));

echo "-- Track v2\n";
$c->track->entity(cio_entity(['attributes' => ['email' => 'a@b.c']]));
$c->track()->batch(['batch' => [cio_entity(), cio_entity()]]);
(new Customerio\Track($c))->entity(cio_entity());
foreach ($s->requests() as $r) {
    echo line($r), "\n";
}

echo "-- Track v1 (post/put/delete), with 'endpoint' and 'query'\n";
$s->reset();
$c->post('customers/1/events', ['name' => 'purchase', 'data' => ['price' => 1.5]]);
$c->put('customers/1', ['email' => 'a@b.c']);
$c->delete('customers/1', []);
$c->delete('customers/1/devices/x', ['reason' => 'gone']);
$c->post('empty', []);
$c->post('with-query', ['a' => 1, 'query' => ['x' => 'y z', 'n' => [1, 2]]]);
$c->post('with-endpoint', ['endpoint' => $s->url() . '/custom/', 'a' => 1]);
$c->post('path with spaces/ümlaut', ['a' => 1]);
foreach ($s->requests() as $r) {
    echo line($r), "\n";
}

echo "-- App API get()\n";
$s->reset();
$c->setAppAPIKey('APP');
$s->respond(200, '{"customers":[]}');
var_dump($c->get('customers', ['email' => 'a@b.c', 'limit' => 2]));
$s->respond(200, 'raw,csv,text');
var_dump($c->get('exports/1/download', ['raw' => true]));
$c->get('plain');
foreach ($s->requests() as $r) {
    echo line($r), "\n";
}

echo "-- get() without an App API key\n";
$s->reset();
$c2 = cio_client($s);
try {
    $c2->get('customers');
} catch (InvalidArgumentException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump(count($s->requests()));

echo "-- the User-Agent names the extension\n";
$c->post('ua', []);
var_dump(preg_match('~^customerio-php-ext/\S+ PHP/\S+ libcurl/\S+$~', $s->single()['headers']['user-agent']));
?>
--EXPECTF--
-- validation, in the SDK's order, before anything is sent
Customerio\Exception\RequestException: Operation type is required! (code 0, POST /, response: false)
Customerio\Exception\RequestException: An event action is required! (code 0, POST /, response: false)
Customerio\Exception\RequestException: Object identifiers is required! (code 0, POST /, response: false)
Customerio\Exception\RequestException: Object identifiers is required! (code 0, POST /, response: false)
Customerio\Exception\RequestException: Operation type is required! (code 0, POST /, response: false)
Customerio\Exception\RequestException: Batch paremeter is required!
Customerio\Exception\RequestException: Batch paremeter is required!
int(0)
-- Track v2
POST /api/v2/entity | auth=Basic U0lURTpLRVk= | ct=application/json | accept=application/json | len=ok | body={"type":"person","action":"identify","identifiers":{"id":42},"attributes":{"email":"a@b.c"}}
POST /api/v2/batch | auth=Basic U0lURTpLRVk= | ct=application/json | accept=application/json | len=ok | body={"batch":[{"type":"person","action":"identify","identifiers":{"id":42}},{"type":"person","action":"identify","identifiers":{"id":42}}]}
POST /api/v2/entity | auth=Basic U0lURTpLRVk= | ct=application/json | accept=application/json | len=ok | body={"type":"person","action":"identify","identifiers":{"id":42}}
-- Track v1 (post/put/delete), with 'endpoint' and 'query'
POST /api/v1/customers/1/events | auth=Basic U0lURTpLRVk= | ct=application/json | accept=application/json | len=ok | body={"name":"purchase","data":{"price":1.5}}
PUT /api/v1/customers/1 | auth=Basic U0lURTpLRVk= | ct=application/json | accept=application/json | len=ok | body={"email":"a@b.c"}
DELETE /api/v1/customers/1 | auth=Basic U0lURTpLRVk= | ct=- | accept=application/json | len=- | body=''
DELETE /api/v1/customers/1/devices/x | auth=Basic U0lURTpLRVk= | ct=application/json | accept=application/json | len=ok | body={"reason":"gone"}
POST /api/v1/empty | auth=Basic U0lURTpLRVk= | ct=- | accept=application/json | len=ok | body=''
POST /api/v1/with-query?x=y%20z&n%5B0%5D=1&n%5B1%5D=2 | auth=Basic U0lURTpLRVk= | ct=application/json | accept=application/json | len=ok | body={"a":1}
POST /custom/with-endpoint | auth=Basic U0lURTpLRVk= | ct=application/json | accept=application/json | len=ok | body={"a":1}
POST /api/v1/path%20with%20spaces/%C3%BCmlaut | auth=Basic U0lURTpLRVk= | ct=application/json | accept=application/json | len=ok | body={"a":1}
-- App API get()
object(stdClass)#%d (1) {
  ["customers"]=>
  array(0) {
  }
}
string(12) "raw,csv,text"
GET /v1/customers?email=a%40b.c&limit=2 | auth=Bearer APP | ct=- | accept=application/json | len=- | body=''
GET /v1/exports/1/download?raw=1 | auth=Bearer APP | ct=- | accept=application/json | len=- | body=''
GET /v1/plain | auth=Bearer APP | ct=- | accept=application/json | len=- | body=''
-- get() without an App API key
InvalidArgumentException: App API Key not set!
int(0)
-- the User-Agent names the extension
int(1)
