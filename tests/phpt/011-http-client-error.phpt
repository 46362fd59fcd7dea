--TEST--
HTTP 400 with a Track v2 errors body: native ClientException with Guzzle's message, code, errors, body and headers
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$s = cio_server();
$c = cio_client($s, [], 'SECRETKEY123', 'SITEID456');

$body = '{"errors":[{"reason":"required","field":"identifiers","message":"identifiers is required","batch_index":0}]}';
$s->respond(400, $body);
try {
    $c->track->entity(cio_entity());
    echo "no exception\n";
} catch (Customerio\Exception\ClientException $e) {
    echo get_class($e), "\n";
    echo "message: [", $e->getMessage(), "]\n";
    var_dump($e->getCode(), $e->getStatusCode(), $e->hasResponse(), $e->getMethod(), $e->getUrl());
    var_dump($e->getMessage() === "Client error: `POST {$s->url()}/api/v2/entity` resulted in a `400 Bad Request` response:\n$body\n");
    var_dump($e->getResponseBody() === $body);
    var_dump($e->getErrors());
    var_dump($e->getResponseHeaders()['Content-Type']);
    var_dump(array_keys($e->getResponseHeaders()) === array_values(array_filter(array_keys($e->getResponseHeaders()), 'is_string')));
    var_dump($e instanceof Customerio\Exception\BadResponseException, $e instanceof Customerio\Exception\RequestException,
        $e instanceof Customerio\Exception\TransferException, $e instanceof Customerio\Exception\CustomerioException,
        $e instanceof RuntimeException, $e instanceof Customerio\Exception\ServerException);
    var_dump($e->getPrevious());
    // the credentials are nowhere in the exception
    $dump = print_r($e, true) . $e;
    var_dump(str_contains($dump, 'SECRETKEY123') || str_contains($dump, 'SITEID456')
        || str_contains($dump, base64_encode('SITEID456:SECRETKEY123')));
}
// the request did reach the server, once
$r = $s->single();
echo $r['method'], ' ', $r['path'], "\n";
?>
--EXPECTF--
Customerio\Exception\ClientException
message: [Client error: `POST http://127.0.0.1:%d/api/v2/entity` resulted in a `400 Bad Request` response:
{"errors":[{"reason":"required","field":"identifiers","message":"identifiers is required","batch_index":0}]}
]
int(400)
int(400)
bool(true)
string(4) "POST"
string(%d) "http://127.0.0.1:%d/api/v2/entity"
bool(true)
bool(true)
array(1) {
  [0]=>
  array(4) {
    ["reason"]=>
    string(8) "required"
    ["field"]=>
    string(11) "identifiers"
    ["message"]=>
    string(23) "identifiers is required"
    ["batch_index"]=>
    int(0)
  }
}
array(1) {
  [0]=>
  string(16) "application/json"
}
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
NULL
bool(false)
POST /api/v2/entity
