--TEST--
With Guzzle loaded (customerio.exceptions=auto): Guzzle's own exception classes, requests and responses
--SKIPIF--
<?php if (!is_file('/usr/share/php/GuzzleHttp/autoload.php')) die('skip Debian Guzzle not installed'); ?>
--INI--
customerio.retries=0
pcre.jit=0
--FILE--
<?php
// pcre.jit=0: Guzzle's preg_* calls make valgrind report PCRE JIT reads (false positives, also without this extension)
require '/usr/share/php/GuzzleHttp/autoload.php';
require __DIR__ . '/inc/common.inc';

$s = cio_server();
$c = cio_client($s, [], 'SECRETKEY123', 'SITEID456');
var_dump(ini_get('customerio.exceptions'));

echo "-- validation: RequestException with a request to '/'\n";
try {
    $c->track->entity(['action' => 'identify']);
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
    // Guzzle 8's RequestException has no response at all (getResponse() moved to ResponseException)
    var_dump($e->getCode(), $e->getRequest()->getMethod(), (string) $e->getRequest()->getUri(),
        method_exists($e, 'getResponse') ? $e->getResponse() : null);
    var_dump($e instanceof GuzzleHttp\Exception\GuzzleException, $e instanceof Customerio\Exception\CustomerioException);
}
try {
    $c->track->batch([]);
} catch (GuzzleHttp\Exception\RequestException $e) {
    echo get_class($e), ': ', $e->getMessage(), ' / ', $e->getRequest()->getMethod(), ' ', $e->getRequest()->getUri(), "\n";
}

echo "-- 404: ClientException with the response\n";
$s->respond(404, '{"errors":[{"reason":"not_found"}]}', ['X-Request-Id' => 'r-1']);
try {
    $c->track->entity(cio_entity());
} catch (Throwable $e) {
    // Guzzle 7 puts the body summary on its own lines, Guzzle 8 after ": "
    echo get_class($e), "\n", trim(str_replace([$s->url(), ":\n"], ['URL', ': '], $e->getMessage())), "\n";
    var_dump($e->getCode(), $e->getResponse()->getStatusCode(), $e->getResponse()->getReasonPhrase(),
        (string) $e->getResponse()->getBody(), $e->getResponse()->getHeaderLine('X-Request-Id'));
    var_dump($e->getRequest()->getMethod(), str_replace($s->url(), 'URL', (string) $e->getRequest()->getUri()));
    var_dump(json_decode((string) $e->getRequest()->getBody(), true) === cio_entity());
    var_dump($e instanceof GuzzleHttp\Exception\BadResponseException, $e instanceof Customerio\Exception\CustomerioException);
    // Guzzle's request object carries no credentials
    var_dump($e->getRequest()->hasHeader('Authorization'));
    $text = print_r($e->getRequest()->getHeaders(), true) . $e->getMessage();
    var_dump(str_contains($text, 'SECRETKEY123') || str_contains($text, base64_encode('SITEID456:SECRETKEY123')));
}

echo "-- 503: ServerException\n";
$s->respond(503, '');
try {
    $c->post('x', ['a' => 1]);
} catch (GuzzleHttp\Exception\ServerException $e) {
    echo get_class($e), ': ', str_replace($s->url(), 'URL', $e->getMessage()), ' / ', $e->getResponse()->getStatusCode(), "\n";
}

echo "-- refused: ConnectException\n";
$dead = new Customerio\Client('k', 's', ['track_url' => 'http://127.0.0.1:1']);
try {
    $dead->track->entity(cio_entity());
} catch (Throwable $e) {
    echo get_class($e), "\n", $e->getMessage(), "\n";
    var_dump($e->getCode(), $e->getRequest()->getMethod(), (string) $e->getRequest()->getUri());
    var_dump($e instanceof GuzzleHttp\Exception\TransferException, $e instanceof Psr\Http\Client\NetworkExceptionInterface);
}

echo "-- invalid UTF-8: Guzzle's InvalidArgumentException\n";
try {
    $c->track->entity(cio_entity(['attributes' => ['name' => "\xff"]]));
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
    var_dump($e->getCode(), $e instanceof InvalidArgumentException, $e instanceof GuzzleHttp\Exception\GuzzleException);
}

echo "-- CR/LF in a setter: the native InvalidArgumentException (a configuration error, not a request's)\n";
try {
    $c->setSiteId("a\r\nb");
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

echo "-- the region error keeps its own class\n";
try {
    $c->setRegion('au');
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

$paths = array_map(fn($r) => $r['path'], $s->requests());
echo implode(' ', $paths), "\n";
?>
--EXPECTF--
string(4) "auto"
-- validation: RequestException with a request to '/'
GuzzleHttp\Exception\RequestException: Operation type is required!
int(0)
string(4) "POST"
string(1) "/"
NULL
bool(true)
bool(false)
GuzzleHttp\Exception\RequestException: Batch paremeter is required! / POST /
-- 404: ClientException with the response
GuzzleHttp\Exception\ClientException
Client error: `POST URL/api/v2/entity` resulted in a `404 Not Found` response: {"errors":[{"reason":"not_found"}]}
int(404)
int(404)
string(9) "Not Found"
string(35) "{"errors":[{"reason":"not_found"}]}"
string(3) "r-1"
string(4) "POST"
string(17) "URL/api/v2/entity"
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
-- 503: ServerException
GuzzleHttp\Exception\ServerException: Server error: `POST URL/api/v1/x` resulted in a `503 Service Unavailable` response / 503
-- refused: ConnectException
GuzzleHttp\Exception\ConnectException
cURL error 7: %s (see https://curl%s/libcurl/c/libcurl-errors.html) for http://127.0.0.1:1/api/v2/entity
int(0)
string(4) "POST"
string(32) "http://127.0.0.1:1/api/v2/entity"
bool(true)
bool(true)
-- invalid UTF-8: Guzzle's InvalidArgumentException
GuzzleHttp\Exception\InvalidArgumentException: json_encode error: Malformed UTF-8 characters, possibly incorrectly encoded
int(0)
bool(true)
bool(true)
-- CR/LF in a setter: the native InvalidArgumentException (a configuration error, not a request's)
Customerio\Exception\InvalidArgumentException: The site id contains a CR, LF or NUL byte
-- the region error keeps its own class
Customerio\Region\InvalidRegionException: Unknown region: au
/api/v2/entity /api/v1/x
