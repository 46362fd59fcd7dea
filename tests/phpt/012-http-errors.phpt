--TEST--
HTTP 401 (empty body), 404 (text), 5xx, long and binary bodies, v1 error lists, App API errors: native exceptions
--INI--
customerio.retries=0
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$s = cio_server();
$c = cio_client($s);
$c->setAppAPIKey('app-key');

function fail(callable $fn): Customerio\Exception\RequestException
{
    try {
        $fn();
    } catch (Customerio\Exception\RequestException $e) {
        return $e;
    }
    throw new LogicException('no RequestException');
}

function show(Customerio\Exception\RequestException $e, Customerio\Tests\TestServer $s): void
{
    echo get_class($e), ' code=', $e->getCode(), ' status=', var_export($e->getStatusCode(), true), "\n";
    echo '[', str_replace($s->url(), 'URL', $e->getMessage()), "]\n";
    $body = $e->getResponseBody();
    echo 'body=', strlen($body) > 60 ? strlen($body) . ' bytes' : var_export($body, true), ' errors=',
        substr(json_encode($e->getErrors()), 0, 60), "\n";
}

echo "-- 401, empty body: the message ends with 'response'\n";
$s->respond(401, '');
$e = fail(fn() => $c->track->entity(cio_entity()));
show($e, $s);
var_dump(isset($e->getResponseHeaders()['Content-Type']), $e->hasResponse());

echo "-- 404, text body\n";
$s->respond(404, 'Not Found', ['Content-Type' => 'text/plain', 'X-Request-Id' => 'req-123']);
$e = fail(fn() => $c->post('customers/1/events', ['name' => 'x']));
show($e, $s);
var_dump($e->getResponseHeaders()['X-Request-Id'], $e->getMethod(), str_replace($s->url(), 'URL', $e->getUrl()));

echo "-- 500: ServerException\n";
$s->respond(500, '{"meta":{"error":"internal"}}');
$e = fail(fn() => $c->put('customers/1', ['email' => 'a@b.c']));
show($e, $s);
var_dump($e instanceof Customerio\Exception\ServerException, $e instanceof Customerio\Exception\BadResponseException,
    $e instanceof Customerio\Exception\ClientException);

echo "-- 503 with headers\n";
$s->respond(503, 'down', ['Retry-After' => '5', 'Content-Type' => 'text/plain']);
$e = fail(fn() => $c->delete('customers/1', []));
show($e, $s);
var_dump($e->getResponseHeaders()['Retry-After']);

echo "-- a body longer than 120 bytes is truncated in the message only\n";
$long = '{"meta":{"errors":["' . str_repeat('x', 150) . '","second"]}}';
$s->respond(400, $long);
$e = fail(fn() => $c->post('x', ['a' => 1]));
show($e, $s);
var_dump($e->getMessage() === "Client error: `POST {$s->url()}/api/v1/x` resulted in a `400 Bad Request` response:\n"
    . substr($long, 0, 120) . " (truncated...)\n");

echo "-- exactly 120 bytes: no truncation marker\n";
$exact = str_repeat('y', 120);
$s->respond(400, $exact);
$e = fail(fn() => $c->post('x', ['a' => 1]));
var_dump(str_ends_with($e->getMessage(), ":\n$exact\n"));

echo "-- 121 bytes: truncated\n";
$s->respond(400, $exact . 'z');
$e = fail(fn() => $c->post('x', ['a' => 1]));
var_dump(str_ends_with($e->getMessage(), ":\n$exact (truncated...)\n"));

echo "-- a binary body is left out of the message\n";
$s->respond(502, "\x00\x01\x02binary\x7f", ['Content-Type' => 'application/octet-stream']);
$e = fail(fn() => $c->post('x', ['a' => 1]));
show($e, $s);
var_dump(bin2hex($e->getResponseBody()));

echo "-- App API (GET with a query)\n";
$s->respond(404, '{"errors":[{"detail":"not found"}]}');
$e = fail(fn() => $c->get('customers/9/attributes', ['id_type' => 'email']));
show($e, $s);

echo "-- 3xx is not an error\n";
$s->respond(304, '');
var_dump($c->post('x', ['a' => 1]));

var_dump(count($s->requests()));
?>
--EXPECTF--
-- 401, empty body: the message ends with 'response'
Customerio\Exception\ClientException code=401 status=401
[Client error: `POST URL/api/v2/entity` resulted in a `401 Unauthorized` response]
body='' errors=[]
bool(false)
bool(true)
-- 404, text body
Customerio\Exception\ClientException code=404 status=404
[Client error: `POST URL/api/v1/customers/1/events` resulted in a `404 Not Found` response:
Not Found
]
body='Not Found' errors=[]
array(1) {
  [0]=>
  string(7) "req-123"
}
string(4) "POST"
string(29) "URL/api/v1/customers/1/events"
-- 500: ServerException
Customerio\Exception\ServerException code=500 status=500
[Server error: `PUT URL/api/v1/customers/1` resulted in a `500 Internal Server Error` response:
{"meta":{"error":"internal"}}
]
body='{"meta":{"error":"internal"}}' errors=["internal"]
bool(true)
bool(true)
bool(false)
-- 503 with headers
Customerio\Exception\ServerException code=503 status=503
[Server error: `DELETE URL/api/v1/customers/1` resulted in a `503 Service Unavailable` response:
down
]
body='down' errors=[]
array(1) {
  [0]=>
  string(1) "5"
}
-- a body longer than 120 bytes is truncated in the message only
Customerio\Exception\ClientException code=400 status=400
[Client error: `POST URL/api/v1/x` resulted in a `400 Bad Request` response:
{"meta":{"errors":["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx (truncated...)
]
body=183 bytes errors=["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
bool(true)
-- exactly 120 bytes: no truncation marker
bool(true)
-- 121 bytes: truncated
bool(true)
-- a binary body is left out of the message
Customerio\Exception\ServerException code=502 status=502
[Server error: `POST URL/api/v1/x` resulted in a `502 Bad Gateway` response]
body=%s errors=[]
string(20) "00010262696e6172797f"
-- App API (GET with a query)
Customerio\Exception\ClientException code=404 status=404
[Client error: `GET URL/v1/customers/9/attributes?id_type=email` resulted in a `404 Not Found` response:
{"errors":[{"detail":"not found"}]}
]
body='{"errors":[{"detail":"not found"}]}' errors=[{"detail":"not found"}]
-- 3xx is not an error
NULL
int(10)
