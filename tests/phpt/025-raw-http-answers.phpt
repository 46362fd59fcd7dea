--TEST--
Unusual HTTP answers from a raw peer (no/empty/custom reason, repeated headers, 1xx, truncation, garbage, chunked): no crash
--INI--
customerio.retries=0
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$close = "Connection: close\r\n";
$answers = [
    'no reason' => "HTTP/1.1 400\r\nContent-Type: application/json\r\nContent-Length: 2\r\n$close\r\n{}",
    'empty reason' => "HTTP/1.1 499 \r\nContent-Length: 4\r\n$close\r\nnope",
    'custom reason' => "HTTP/1.1 404 Nothing To See\r\nContent-Length: 0\r\n$close\r\n",
    'odd headers' => "HTTP/1.1 409 Conflict\r\nX-Multi: one\r\nX-Multi: two\r\nX-Empty:\r\nX-Spaces: \t  padded value \t \r\n"
        . "x-lower: l\r\nContent-Length: 2\r\n$close\r\nhi",
    'header without colon' => "HTTP/1.1 400 Bad Request\r\nJustText\r\nContent-Length: 0\r\n$close\r\n",
    '100 Continue first' => "HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\nHTTP/1.1 422 Unprocessable Entity\r\nX-Final: yes\r\n"
        . "Content-Length: 2\r\n$close\r\n{}",
    'truncated body' => "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n$close\r\n{\"a\":",
    'empty reply' => '',
    'not HTTP' => "NOT HTTP AT ALL\r\n\r\n",
    'status 999' => "HTTP/1.1 999 Weird\r\nContent-Length: 1\r\n$close\r\nw",
    'HTTP/1.0, body until close' => "HTTP/1.0 200 OK\r\n\r\n{\"till\":\"close\"}",
    'chunked 500' => "HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n$close\r\n7\r\nchunked\r\n6\r\n error\r\n0\r\n\r\n",
    'huge header' => "HTTP/1.1 400 Bad Request\r\nX-Huge: " . str_repeat('h', 60000) . "\r\nContent-Length: 0\r\n$close\r\n",
    'redirect, followed to a dead port' => "HTTP/1.1 301 Moved Permanently\r\nLocation: http://127.0.0.1:1/\r\nContent-Length: 9\r\n$close\r\n{\"r\":301}",
    'NUL in body' => "HTTP/1.1 400 Bad Request\r\nContent-Length: 5\r\n$close\r\na\0b\0c",
    'fine again' => "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n$close\r\n{\"ok\":1}",
];
[$url, $proc] = cio_raw_server(array_values($answers));
$c = new Customerio\Client('k', 's', ['track_url' => $url, 'timeout' => 60]);

foreach ($answers as $label => $_) {
    try {
        $r = $c->post('x', ['a' => 1]);
        echo "$label: returned ", json_encode($r), "\n";
    } catch (Throwable $e) {
        echo "$label: ", get_class($e), ' code=', $e->getCode(), "\n  [", str_replace($url, 'URL', $e->getMessage()), "]\n";
        if ($e instanceof Customerio\Exception\RequestException) {
            $h = $e->getResponseHeaders();
            if (isset($h['X-Huge'])) {
                $h['X-Huge'] = [strlen($h['X-Huge'][0]) . ' bytes'];
            }
            echo '  headers: ', json_encode($h), "\n  body: ", json_encode(bin2hex($e->getResponseBody())), "\n";
        }
    }
}
cio_raw_stop($proc);
?>
--EXPECTF--
no reason: Customerio\Exception\ClientException code=400
  [Client error: `POST URL/api/v1/x` resulted in a `400 Bad Request` response:
{}
]
  headers: {"Content-Type":["application\/json"],"Content-Length":["2"],"Connection":["close"]}
  body: "7b7d"
empty reason: Customerio\Exception\ClientException code=499
  [Client error: `POST URL/api/v1/x` resulted in a `499 ` response:
nope
]
  headers: {"Content-Length":["4"],"Connection":["close"]}
  body: "6e6f7065"
custom reason: Customerio\Exception\ClientException code=404
  [Client error: `POST URL/api/v1/x` resulted in a `404 Nothing To See` response]
  headers: {"Content-Length":["0"],"Connection":["close"]}
  body: ""
odd headers: Customerio\Exception\ClientException code=409
  [Client error: `POST URL/api/v1/x` resulted in a `409 Conflict` response:
hi
]
  headers: {"X-Multi":["one","two"],"X-Empty":[""],"X-Spaces":["padded value"],"x-lower":["l"],"Content-Length":["2"],"Connection":["close"]}
  body: "6869"
header without colon: Customerio\Exception\ConnectException code=0
  [cURL error 8: %s for URL/api/v1/x]
100 Continue first: Customerio\Exception\ClientException code=422
  [Client error: `POST URL/api/v1/x` resulted in a `422 Unprocessable Entity` response:
{}
]
  headers: {"X-Final":["yes"],"Content-Length":["2"],"Connection":["close"]}
  body: "7b7d"
truncated body: Customerio\Exception\ConnectException code=0
  [cURL error 18: %s for URL/api/v1/x]
empty reply: Customerio\Exception\ConnectException code=0
  [cURL error 52: %s for URL/api/v1/x]
not HTTP: Customerio\Exception\ConnectException code=0
  [cURL error %d: %s for URL/api/v1/x]
status 999: Customerio\Exception\BadResponseException code=999
  [Unsuccessful request: `POST URL/api/v1/x` resulted in a `999 Weird` response:
w
]
  headers: {"Content-Length":["1"],"Connection":["close"]}
  body: "77"
HTTP/1.0, body until close: returned {"till":"close"}
chunked 500: Customerio\Exception\ServerException code=500
  [Server error: `POST URL/api/v1/x` resulted in a `500 Internal Server Error` response:
chunked error
]
  headers: {"Transfer-Encoding":["chunked"],"Connection":["close"]}
  body: "6368756e6b6564206572726f72"
huge header: Customerio\Exception\ClientException code=400
  [Client error: `POST URL/api/v1/x` resulted in a `400 Bad Request` response]
  headers: {"X-Huge":["60000 bytes"],"Content-Length":["0"],"Connection":["close"]}
  body: ""
redirect, followed to a dead port: Customerio\Exception\ConnectException code=0
  [cURL error 7: %s for http://127.0.0.1:1/]
NUL in body: Customerio\Exception\ClientException code=400
  [Client error: `POST URL/api/v1/x` resulted in a `400 Bad Request` response]
  headers: {"Content-Length":["5"],"Connection":["close"]}
  body: "6100620063"
fine again: returned {"ok":1}
