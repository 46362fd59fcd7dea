--TEST--
A refused connection throws Customerio\Exception\ConnectException "cURL error 7: ..."; the transport stays usable
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$s = cio_server();
$dead = new Customerio\Client('SECRETKEY123', 'SITEID456', ['track_url' => 'http://127.0.0.1:1', 'api_url' => 'http://127.0.0.1:1']);
$dead->setAppAPIKey('APPKEY789');
$live = cio_client($s);

$calls = [
    'entity' => fn() => $dead->track->entity(cio_entity()),
    'post' => fn() => $dead->post('customers/1/events', ['name' => 'x']),
    'get' => fn() => $dead->get('customers', ['email' => 'a@b.c']),
];
foreach ($calls as $label => $fn) {
    try {
        $fn();
        echo "$label: no exception\n";
    } catch (Customerio\Exception\ConnectException $e) {
        echo "$label: ", get_class($e), "\n  ", $e->getMessage(), "\n";
        echo '  code=', $e->getCode(), ' method=', $e->getMethod(), ' url=', $e->getUrl(), "\n";
        var_dump($e instanceof Customerio\Exception\TransferException, $e instanceof RuntimeException,
            $e instanceof Customerio\Exception\CustomerioException, $e instanceof Customerio\Exception\RequestException,
            method_exists($e, 'getStatusCode'));
        $text = print_r($e, true) . $e;
        var_dump(str_contains($text, 'SECRETKEY123') || str_contains($text, 'SITEID456') || str_contains($text, 'APPKEY789'));
    }
    // a working client right after the failure: the shared transport is healthy
    $s->reset();
    echo '  live: ', get_debug_type($live->post('after', ['n' => 1])), ' ', $s->single()['path'], "\n";
}
?>
--EXPECTF--
entity: Customerio\Exception\ConnectException
  cURL error 7: %s (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for http://127.0.0.1:1/api/v2/entity
  code=0 method=POST url=http://127.0.0.1:1/api/v2/entity
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
  live: stdClass /api/v1/after
post: Customerio\Exception\ConnectException
  cURL error 7: %s (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for http://127.0.0.1:1/api/v1/customers/1/events
  code=0 method=POST url=http://127.0.0.1:1/api/v1/customers/1/events
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
  live: stdClass /api/v1/after
get: Customerio\Exception\ConnectException
  cURL error 7: %s (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for http://127.0.0.1:1/v1/customers?email=a%40b.c
  code=0 method=GET url=http://127.0.0.1:1/v1/customers?email=a%40b.c
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
  live: stdClass /api/v1/after
