--TEST--
customerio.exceptions=guzzle without Guzzle, or with an autoloader that throws: native exceptions, no crash
--INI--
customerio.exceptions=guzzle
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$s = cio_server();
$c = cio_client($s);
$dead = new Customerio\Client('k', 's', ['track_url' => 'http://127.0.0.1:1']);

function run(string $label, callable $fn): void
{
    try {
        $fn();
        echo "$label: no exception\n";
    } catch (Throwable $e) {
        echo "$label: ", get_class($e), ': ', strtok($e->getMessage(), "\n"), "\n";
    }
}

function all(Customerio\Client $c, Customerio\Client $dead, Customerio\Tests\TestServer $s): void
{
    run('validation', fn() => $c->track->entity([]));
    run('encode', fn() => $c->post('x', ['a' => "\xff"]));
    run('refused', fn() => $dead->post('x', ['a' => 1]));
    run('CR', fn() => $c->setAppAPIKey("\r"));
    $s->respond(400, 'bad');
    run('400', fn() => $c->post('x', ['a' => 1]));
}

echo "-- no Guzzle installed\n";
var_dump(ini_get('customerio.exceptions'));
all($c, $dead, $s);

echo "-- an autoloader that throws for every class\n";
spl_autoload_register(function (string $class) {
    throw new LogicException("autoloader refuses $class");
});
all($c, $dead, $s);

echo "-- the client still works\n";
var_dump($c->post('ok', ['a' => 1]));
?>
--EXPECTF--
-- no Guzzle installed
string(6) "guzzle"
validation: Customerio\Exception\RequestException: Operation type is required!
encode: Customerio\Exception\InvalidArgumentException: json_encode error: Malformed UTF-8 characters, possibly incorrectly encoded
refused: Customerio\Exception\ConnectException: cURL error 7: %s
CR: Customerio\Exception\InvalidArgumentException: The App API key contains a CR, LF or NUL byte
400: Customerio\Exception\ClientException: Client error: `POST http://127.0.0.1:%d/api/v1/x` resulted in a `400 Bad Request` response:
-- an autoloader that throws for every class
validation: Customerio\Exception\RequestException: Operation type is required!
encode: Customerio\Exception\InvalidArgumentException: json_encode error: Malformed UTF-8 characters, possibly incorrectly encoded
refused: Customerio\Exception\ConnectException: cURL error 7: %s
CR: Customerio\Exception\InvalidArgumentException: The App API key contains a CR, LF or NUL byte
400: Customerio\Exception\ClientException: Client error: `POST http://127.0.0.1:%d/api/v1/x` resulted in a `400 Bad Request` response:
-- the client still works
object(stdClass)#%d (0) {
}
