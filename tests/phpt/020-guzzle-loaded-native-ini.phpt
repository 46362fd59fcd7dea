--TEST--
Guzzle loaded but customerio.exceptions=native: the extension's own exception classes
--SKIPIF--
<?php if (!is_file('/usr/share/php/GuzzleHttp/autoload.php')) die('skip Debian Guzzle 7 not installed'); ?>
--INI--
customerio.exceptions=native
pcre.jit=0
--FILE--
<?php
// pcre.jit=0: Guzzle's preg_* calls make valgrind report PCRE JIT reads (false positives, also without this extension)
require '/usr/share/php/GuzzleHttp/autoload.php';
require __DIR__ . '/inc/common.inc';

var_dump(ini_get('customerio.exceptions'), class_exists('GuzzleHttp\Exception\RequestException'));
$s = cio_server();
$c = cio_client($s);
$dead = new Customerio\Client('k', 's', ['track_url' => 'http://127.0.0.1:1']);

function show(Throwable $e, Customerio\Tests\TestServer $s): void
{
    printf("%s (guzzle: %s, native: %s) code=%d: %s\n", get_class($e),
        var_export($e instanceof GuzzleHttp\Exception\GuzzleException, true),
        var_export($e instanceof Customerio\Exception\CustomerioException, true),
        $e->getCode(), strtok(str_replace($s->url(), 'URL', $e->getMessage()), "\n"));
}

$s->respond(404, 'missing');
foreach ([
    'validation' => fn() => $c->track->entity([]),
    '404' => fn() => $c->track->entity(cio_entity()),
    'refused' => fn() => $dead->track->entity(cio_entity()),
    'invalid UTF-8' => fn() => $c->post('x', ['a' => "\xff"]),
    'CR in site id' => fn() => $c->setSiteId("\r"),
] as $label => $fn) {
    try {
        $fn();
        echo "$label: no exception\n";
    } catch (Throwable $e) {
        echo "$label: ";
        show($e, $s);
    }
}

echo "-- switching at runtime\n";
ini_set('customerio.exceptions', 'auto');
try {
    $c->track->entity([]);
} catch (Throwable $e) {
    show($e, $s);
}
ini_set('customerio.exceptions', 'guzzle');
try {
    $c->post('x', ['a' => NAN]);
} catch (Throwable $e) {
    show($e, $s);
}
ini_set('customerio.exceptions', 'native');
try {
    $c->post('x', ['a' => NAN]);
} catch (Throwable $e) {
    show($e, $s);
}
?>
--EXPECTF--
string(6) "native"
bool(true)
validation: Customerio\Exception\RequestException (guzzle: false, native: true) code=0: Operation type is required!
404: Customerio\Exception\ClientException (guzzle: false, native: true) code=404: Client error: `POST URL/api/v2/entity` resulted in a `404 Not Found` response:
refused: Customerio\Exception\ConnectException (guzzle: false, native: true) code=0: cURL error 7: %s
invalid UTF-8: Customerio\Exception\InvalidArgumentException (guzzle: false, native: true) code=0: json_encode error: Malformed UTF-8 characters, possibly incorrectly encoded
CR in site id: Customerio\Exception\InvalidArgumentException (guzzle: false, native: true) code=0: The site id contains a CR, LF or NUL byte
-- switching at runtime
GuzzleHttp\Exception\RequestException (guzzle: true, native: false) code=0: Operation type is required!
GuzzleHttp\Exception\InvalidArgumentException (guzzle: true, native: false) code=0: json_encode error: Inf and NaN cannot be JSON encoded
Customerio\Exception\InvalidArgumentException (guzzle: false, native: true) code=0: json_encode error: Inf and NaN cannot be JSON encoded
