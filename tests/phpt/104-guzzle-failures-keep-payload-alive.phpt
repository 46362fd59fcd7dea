--TEST--
Through an injected Guzzle client, a failing request (flush(), post(), end-of-request queue) leaves the exception's trace arguments intact (no use after free)
--SKIPIF--
<?php
if (!is_file('/usr/share/php/GuzzleHttp/autoload.php')) die('skip Debian Guzzle 7 not installed');
?>
--INI--
zend.exception_ignore_args=0
display_errors=1
log_errors=0
--FILE--
<?php
require '/usr/share/php/GuzzleHttp/autoload.php';

use GuzzleHttp\Handler\MockHandler;
use GuzzleHttp\HandlerStack;
use GuzzleHttp\Psr7\Response;

function guzzle_client(array $responses, array $options = []): Customerio\Client
{
    $c = new Customerio\Client('k', 's', $options + ['retries' => 0,
        'on_error' => function (Throwable $e, array $ops) {
            echo "on_error: ", get_class($e), ' ', count($ops), "\n";
        }]);
    $c->setClient(new GuzzleHttp\Client(['handler' => HandlerStack::create(new MockHandler($responses))]));
    return $c;
}

/** The 'json' option Guzzle's request() got, as the exception's trace remembers it. */
function json_arg(Throwable $e)
{
    foreach ($e->getTrace() as $frame) {
        $options = $frame['args'][2] ?? null;
        // Guzzle 8 marks request()'s options #[\SensitiveParameter]: the trace keeps them wrapped
        if ($options instanceof SensitiveParameterValue) {
            $options = $options->getValue();
        }
        if (($frame['function'] ?? '') === 'request' && isset($options['json'])) {
            return $options['json'];
        }
    }
    return 'no request frame';
}

function churn(): array
{
    $junk = [];
    for ($i = 0; $i < 2000; $i++) {
        $junk[] = ['x' => $i, 'y' => str_repeat('z', $i % 64)];
    }
    return $junk;
}

echo "-- post()\n";
$c = guzzle_client([new Response(500, [], '{"e":1}')]);
try {
    $c->post('customers/1/events', ['name' => 'signup', 'data' => ['plan' => 'pro']]);
} catch (GuzzleHttp\Exception\ServerException $e) {
    $junk = churn();
    echo get_class($e), "\n";
    var_dump(json_arg($e));
}
unset($e, $junk);

echo "-- flush()\n";
$c = guzzle_client([new Response(503, [], '{}')]);
$c->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'f1']]);
try {
    $c->track->flush();
} catch (GuzzleHttp\Exception\ServerException $e) {
    $junk = churn();
    echo get_class($e), "\n";
    echo json_encode(json_arg($e)), "\n";
}
unset($e, $junk);

echo "-- batch() split in chunks\n";
$c = guzzle_client([new Response(200, [], '{}'), new Response(400, [], '{"errors":[]}')], ['max_batch_bytes' => 700]);
$ops = [];
for ($i = 0; $i < 6; $i++) {
    $ops[] = ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => "b$i"], 'attributes' => ['p' => str_repeat('p', 200)]];
}
try {
    $c->track->batch(['batch' => $ops]);
} catch (Customerio\Exception\PartialBatchException $e) {
    $junk = churn();
    echo get_class($e), ' <- ', get_class($e->getPrevious()), "\n";
}
unset($e, $junk);

echo "-- at the end of the request\n";
$end = guzzle_client([new Response(500, [], '{}')]);
$end->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'end1']]);
echo "script done\n";
?>
--EXPECTF--
-- post()
GuzzleHttp\Exception\ServerException
array(2) {
  ["name"]=>
  string(6) "signup"
  ["data"]=>
  array(1) {
    ["plan"]=>
    string(3) "pro"
  }
}
-- flush()
GuzzleHttp\Exception\ServerException
{"batch":[{"type":"person","action":"identify","identifiers":{"id":"f1"}}]}
-- batch() split in chunks
Customerio\Exception\PartialBatchException <- GuzzleHttp\Exception\ClientException
-- at the end of the request
script done

Warning: customerio: 1 Track v2 operation(s) not delivered (OutOfBoundsException: Mock queue is empty) in Unknown on line 0
on_error: OutOfBoundsException 1

Warning: customerio: 1 Track v2 operation(s) not delivered (GuzzleHttp\Exception\ServerException: Server error: `POST https://track.customer.io/api/v2/batch` resulted in a `500 Internal Server Error` response) in Unknown on line 0
on_error: GuzzleHttp\Exception\ServerException 1
