--TEST--
Transport under faults: retries with X-Retry-Count, odd Retry-After values, redirects (hops, limits, odd Locations, cross-host auth), cut and garbage answers, size cap, timeouts; the client recovers
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$s = FaultServer::start();
$port = parse_url($s->url(), PHP_URL_PORT);
$c = new Customerio\Client('key', 'site', ['track_url' => $s->url(), 'api_url' => $s->url(), 'retries' => 3,
    'timeout' => 2, 'max_response_bytes' => 5000, 'max_retry_time' => 8]);
$c->setAppAPIKey('app');
$op = ['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => 1], 'name' => 'x'];

function r(int $status, string $body = '{}', array $headers = []): array
{
    return ['respond', $status, $body, $headers, 0];
}

$cases = [
    'retry statuses' => [r(408), r(429), r(500, ''), r(200, '{"ok":1}')],
    'odd Retry-After' => [r(503, '', ['Retry-After' => 'soon']), r(503, '', ['Retry-After' => '0']),
        r(429, '', ['Retry-After' => '-5']), r(200, '{"ok":2}')],
    'Retry-After in the past' => [r(503, '', ['Retry-After' => 'Wed, 21 Oct 2015 07:28:00 GMT']), r(200, '{"ok":3}')],
    'Retry-After too far' => [r(503, '{"far":1}', ['Retry-After' => '3600']), r(200, '{"never":1}')],
    'Retry-After not a number' => [r(503, '{"odd":2}', ['Retry-After' => str_repeat('x', 5000)]), r(200, '{"ok":2.5}')],
    'not retried' => [r(400, '{"errors":[{"reason":"bad"}]}'), r(200, '{"never":3}')],
    'network faults then fine' => [['close'], ['partial'], r(502), r(200, '{"ok":4}')],
    'garbage' => [['garbage'], r(200, '{"never":4}')],
    'too large' => [['big', 6000], r(200, '{"never":5}')],
    '100 Continue then 503' => [['raw', "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Busy\r\nRetry-After: 0\r\nContent-Length: 0\r\n\r\n"],
        r(200, '{"ok":6}')],
    'long headers' => [['raw', "HTTP/1.1 200 OK\r\n" . str_repeat('X-Long: ' . str_repeat('h', 1000) . "\r\n", 100)
        . "Content-Length: 8\r\n\r\n{\"ok\":7}"]],
    'bad chunked body' => [['raw', "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\nZZ\r\n"], r(200, '{"ok":8}')],
    'redirects then fine' => [r(301, '', ['Location' => '/r1']), r(302, '', ['Location' => 'r2']),
        r(307, '', ['Location' => "http://localhost:$port/r3"]), r(308, '', ['Location' => "http://127.0.0.1:$port/r4"]),
        r(200, '{"ok":9}')],
    'six redirects' => [r(301, '', ['Location' => '/a']), r(301, '', ['Location' => '/b']), r(301, '', ['Location' => '/c']),
        r(301, '', ['Location' => '/d']), r(301, '', ['Location' => '/e']), r(301, '', ['Location' => '/f']), r(200, '{"never":6}')],
    'redirect without Location' => [r(302, '{"where":0}')],
    'redirect to ftp' => [r(301, '', ['Location' => 'ftp://127.0.0.1/x'])],
    'redirect to a broken URL' => [r(301, '', ['Location' => 'http://[::1'])],
    'redirect to a long path' => [r(307, '', ['Location' => str_repeat('/a', 3000)]), r(200, '{"ok":10}')],
    'redirect then 503 then fine' => [r(307, '', ['Location' => '/moved']), r(503, '', ['Retry-After' => '0']), r(200, '{"ok":11}')],
];
foreach ($cases as $label => $script) {
    $s->reset();
    $s->script(...$script);
    try {
        $result = json_encode($c->track->entity($op));
    } catch (Throwable $e) {
        $result = get_class($e) . ' ' . $e->getCode() . ' ' . preg_replace('~^(cURL error \d+):.*$~s', '$1', strtok($e->getMessage(), "\n"));
    }
    $requests = $s->requests();
    $bodies = array_unique(array_column($requests, 'body'));
    $retry = implode(',', array_map(fn($r) => $r['headers']['x-retry-count'] ?? '-', $requests));
    $auth = implode(',', array_map(fn($r) => isset($r['headers']['authorization']) ? 'A' : '_', $requests));
    echo str_pad($label, 28), ' ', str_replace((string) $port, 'PORT', $result), "\n", str_repeat(' ', 29),
        count($requests), ' req, retry ', $retry, ', auth ', $auth, ', bodies ', count($bodies), ', left ', $s->pending(), "\n";
}

echo "-- silence: each attempt times out\n";
$s->reset();
$s->script(['silent', 30], ['silent', 30]);
$quick = new Customerio\Client('key', 'site', ['track_url' => $s->url(), 'retries' => 1, 'timeout' => 0.5]);
try {
    $quick->track->entity($op);
} catch (Customerio\Exception\ConnectException $e) {
    echo strtok($e->getMessage(), ':'), ' after ', count($s->requests()), " attempts\n";
}

echo "-- the client still works\n";
$s->reset();
var_dump($c->get('customers', ['email' => 'a@b.c']));
echo $s->requests()[0]['headers']['authorization'], "\n";
?>
--EXPECTF--
retry statuses               {"ok":1}
                             4 req, retry -,1,2,3, auth A,A,A,A, bodies 1, left 0
odd Retry-After              {"ok":2}
                             4 req, retry -,1,2,3, auth A,A,A,A, bodies 1, left 0
Retry-After in the past      {"ok":3}
                             2 req, retry -,1, auth A,A, bodies 1, left 0
Retry-After too far          Customerio\Exception\ServerException 503 Server error: `POST http://127.0.0.1:PORT/api/v2/entity` resulted in a `503 Service Unavailable` response:
                             1 req, retry -, auth A, bodies 1, left 1
Retry-After not a number     {"ok":2.5}
                             2 req, retry -,1, auth A,A, bodies 1, left 0
not retried                  Customerio\Exception\ClientException 400 Client error: `POST http://127.0.0.1:PORT/api/v2/entity` resulted in a `400 Bad Request` response:
                             1 req, retry -, auth A, bodies 1, left 1
network faults then fine     {"ok":4}
                             4 req, retry -,1,2,3, auth A,A,A,A, bodies 1, left 0
garbage                      Customerio\Exception\ConnectException 0 cURL error 1
                             1 req, retry -, auth A, bodies 1, left 1
too large                    Customerio\Exception\RequestException 200 `POST http://127.0.0.1:PORT/api/v2/entity` resulted in a `200 OK` response whose body exceeds max_response_bytes (5000 bytes): the transfer was cut off
                             1 req, retry -, auth A, bodies 1, left 1
100 Continue then 503        {"ok":6}
                             2 req, retry -,1, auth A,A, bodies 1, left 0
long headers                 {"ok":7}
                             1 req, retry -, auth A, bodies 1, left 0
bad chunked body             {"ok":8}
                             2 req, retry -,1, auth A,A, bodies 1, left 0
redirects then fine          {"ok":9}
                             5 req, retry -,-,-,-,-, auth A,A,A,_,_, bodies 1, left 0
six redirects                Customerio\Exception\BadResponseException 301 Unsuccessful request: `POST http://127.0.0.1:PORT/e` resulted in a `301 Moved Permanently` response
                             6 req, retry -,-,-,-,-,-, auth A,A,A,A,A,A, bodies 1, left 1
redirect without Location    Customerio\Exception\BadResponseException 302 Unsuccessful request: `POST http://127.0.0.1:PORT/api/v2/entity` resulted in a `302 Found` response:
                             1 req, retry -, auth A, bodies 1, left 0
redirect to ftp              Customerio\Exception\%s
                             1 req, retry -, auth A, bodies 1, left 0
redirect to a broken URL     Customerio\Exception\%s
                             1 req, retry -, auth A, bodies 1, left 0
redirect to a long path      {"ok":10}
                             2 req, retry -,-, auth A,A, bodies 1, left 0
redirect then 503 then fine  {"ok":11}
                             3 req, retry -,-,1, auth A,A,A, bodies 1, left 0
-- silence: each attempt times out
cURL error 28 after 2 attempts
-- the client still works
object(stdClass)#%d (0) {
}
Bearer app
