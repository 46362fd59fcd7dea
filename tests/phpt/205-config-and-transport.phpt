--TEST--
Configuration and transport: max_concurrency accepts exactly what is honoured (1-16); verify => false wins over customerio.cainfo with an injected client; {} stays {} through an injected client (same JSON as the native transport); an option libcurl refuses fails the request before anything is sent
--INI--
customerio.cainfo=/etc/ssl/certs/ca-certificates.crt
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$s = cio_server();
foreach ([0, 1, 16, 17, 100] as $n) {
    cio_try("max_concurrency $n", fn() => cio_client($s, ['max_concurrency' => $n]));
}

final class Recorder
{
    public array $seen = [];

    public function request(string $method, string $url, array $options = []): object
    {
        $this->seen[] = $options;
        return new class {
            public function getBody(): string
            {
                return '{}';
            }
        };
    }
}

echo "-- verify with customerio.cainfo set\n";
foreach ([false, true, '/tmp/ca.pem'] as $verify) {
    $c = cio_client($s, ['verify' => $verify]);
    $c->setClient($r = new Recorder());
    $c->customers->event(['id' => 1, 'name' => 'x']);
    echo var_export($verify, true), ' -> ', var_export($r->seen[0]['verify'] ?? '(none)', true), "\n";
}

echo "-- empty objects through an injected client and natively\n";
$op = ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 1], 'attributes' => new stdClass(),
    'cio_relationships' => [['identifiers' => ['id' => 2], 'relationship_attributes' => (object) []]],
    'nested' => ['list' => [], 'map' => (object) ['0' => 'zero']]];
$c = cio_client($s);
$c->setClient($r = new Recorder());
$c->track->entity($op);
$c->track->batch(['batch' => [$op]]);
$guzzle = array_map(fn($o) => json_encode($o['json']), $r->seen);
$s->reset();
$native = cio_client($s);
$native->track->entity($op);
$native->track->batch(['batch' => [$op]]);
$wire = array_column($s->requests(), 'body');
foreach ($guzzle as $i => $json) {
    echo $json, "\n", $json === $wire[$i] ? 'same bytes as native' : 'native: ' . $wire[$i], "\n";
}

echo "-- an option libcurl refuses (a URL over its 8 MB limit): nothing sent, not even to the last URL\n";
$s->reset();
$c = cio_client($s);
$c->setAppAPIKey('app');
cio_try('first', fn() => $c->get('customers', ['email' => 'a@b.c']));
$e = cio_try('huge query', fn() => $c->get('customers', ['email' => str_repeat('a', 8100000)]));
cio_try('next', fn() => $c->get('customers', ['email' => 'd@e.f']));
echo implode(' ', array_map(fn($r) => $r['method'] . ' ' . $r['path'] . '?' . substr($r['query'], 0, 20), $s->requests())), "\n";
?>
--EXPECTF--
max_concurrency 0: Customerio\Exception\InvalidArgumentException: max_concurrency must be between 1 and 16, got 0
max_concurrency 1: OK Customerio\Client
max_concurrency 16: OK Customerio\Client
max_concurrency 17: Customerio\Exception\InvalidArgumentException: max_concurrency must be between 1 and 16, got 17
max_concurrency 100: Customerio\Exception\InvalidArgumentException: max_concurrency must be between 1 and 16, got 100
-- verify with customerio.cainfo set
false -> false
true -> '/etc/ssl/certs/ca-certificates.crt'
'/tmp/ca.pem' -> '/tmp/ca.pem'
-- empty objects through an injected client and natively
{"type":"person","action":"identify","identifiers":{"id":1},"attributes":{},"cio_relationships":[{"identifiers":{"id":2},"relationship_attributes":{}}],"nested":{"list":[],"map":{"0":"zero"}}}
same bytes as native
{"batch":[{"type":"person","action":"identify","identifiers":{"id":1},"attributes":{},"cio_relationships":[{"identifiers":{"id":2},"relationship_attributes":{}}],"nested":{"list":[],"map":{"0":"zero"}}}]}
same bytes as native
-- an option libcurl refuses (a URL over its 8 MB limit): nothing sent, not even to the last URL
first: OK stdClass
huge query: Customerio\Exception\ConnectException: cURL error 43: libcurl refused CURLOPT_URL: A libcurl function was given a bad argument; nothing was sent (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for http://%s
next: OK stdClass
GET /v1/customers?email=a%40b.c GET /v1/customers?email=d%40e.f
