--TEST--
Hostile user code re-entering the client while it works: an injected client whose request() calls setClient()/setSiteId() or drops the Client, jsonSerialize() and __toString() that change credentials or free the client, autoloaders that set a client, an on_error handler that rebuilds the client, __get() serving an endpoint's client; nothing freed while in use (run under valgrind with -m)
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

use Customerio\Endpoint\Base;

final class FakeResponse
{
    public function __construct(private string $body)
    {
    }

    public function getBody(): string
    {
        return $this->body;
    }
}

/** Stands in for GuzzleHttp\Client: prints each request, runs a one-shot hook inside request() first. */
final class FakeGuzzle
{
    public ?Closure $hook = null;

    public function __construct(public string $name)
    {
    }

    public function request(string $method, string $url, array $options = []): FakeResponse
    {
        if ($hook = $this->hook) {
            $this->hook = null;
            $hook($this);
        }
        $auth = isset($options['auth']) ? implode(':', $options['auth']) : ($options['headers']['Authorization'] ?? '-');
        echo '  ', $this->name, ' ', $method, ' ', parse_url($url, PHP_URL_PATH), ' ', $auth, ' ',
            json_encode($options['json'] ?? null), "\n";
        return new FakeResponse('{"by":"' . $this->name . '"}');
    }
}

final class Hook implements JsonSerializable
{
    public function __construct(private Closure $fn)
    {
    }

    public function jsonSerialize(): mixed
    {
        ($this->fn)();
        return ['hooked' => 1];
    }

    public function __toString(): string
    {
        ($this->fn)();
        return 'http://127.0.0.1:1/';
    }
}

/** Drops an endpoint's reference to its client (the last one, once the caller's variable is gone). */
function drop_client(Base $endpoint): void
{
    (new ReflectionProperty(Base::class, 'client'))->setValue($endpoint, null);
}

$s = cio_server();
$op = ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 1]];

echo "-- request() calls setClient(): the running client is held until it returns\n";
$c = cio_client($s);
$first = new FakeGuzzle('first');
$first->hook = function () use ($c) {
    $c->setClient(new FakeGuzzle('second'));
};
$c->setClient($first);
unset($first);
var_dump($c->customers->event(['id' => 1, 'name' => 'a'])->by);
var_dump($c->customers->event(['id' => 1, 'name' => 'b'])->by);

echo "-- request() calls setSiteId(): the next request authenticates with it\n";
$g = new FakeGuzzle('g');
$g->hook = fn() => $c->setSiteId('site-2');
$c->setClient($g);
$c->customers->event(['id' => 1, 'name' => 'c']);
$c->customers->event(['id' => 1, 'name' => 'd']);

echo "-- request() drops the last reference to the Client\n";
$c = cio_client($s);
$ep = $c->customers;
$g = new FakeGuzzle('dropper');
$g->hook = fn() => drop_client($ep);
$c->setClient($g);
unset($c, $g);
var_dump($ep->event(['id' => 1, 'name' => 'e'])->by);
echo cio_describe(cio_try_quiet(fn() => $ep->event(['id' => 1, 'name' => 'f']))), "\n";

function cio_try_quiet(callable $fn): Throwable
{
    try {
        $fn();
    } catch (Throwable $e) {
        return $e;
    }
    throw new LogicException('no exception');
}

echo "-- jsonSerialize() drops the last reference to the Client (native transport)\n";
$s->reset();
foreach (['v1 event' => fn($ep, $hook) => $ep->event(['id' => 1, 'name' => 'g', 'data' => $hook]),
    'v2 entity' => fn($ep, $hook) => $ep->entity($op + ['attributes' => $hook])] as $label => $call) {
    $c = cio_client($s);
    $ep = str_starts_with($label, 'v1') ? $c->customers : $c->track;
    unset($c);
    echo $label, ': ', json_encode($call($ep, new Hook(fn() => drop_client($ep)))), "\n";
}
echo count($s->requests()), " requests\n";

echo "-- jsonSerialize() empties the client with a failed __construct(): an exception, nothing sent\n";
$s->reset();
$c = cio_client($s);
echo cio_describe(cio_try_quiet(fn() => $c->customers->event(['id' => 1, 'name' => 'k',
    'data' => new Hook(fn() => cio_try_quiet(fn() => $c->__construct("bad\nkey", 's')))]))), "\n";
echo count($s->requests()), " requests\n";

echo "-- jsonSerialize() calls setClient(): this request stays native, the next one goes through it\n";
$s->reset();
$c = cio_client($s);
$c->customers->event(['id' => 1, 'name' => 'h', 'data' => new Hook(fn() => $c->setClient(new FakeGuzzle('late')))]);
$c->customers->event(['id' => 1, 'name' => 'i']);
echo count($s->requests()), " reached the server\n";

echo "-- __toString() of the endpoint option re-enters the client\n";
$c = cio_client($s);
$c->setClient(new FakeGuzzle('direct'));
$c->post('customers/1/events', ['name' => 'j', 'endpoint' => new Hook(function () use ($c) {
    $c->setSiteId('site-3');
    $c->setClient(new FakeGuzzle('from-toString'));
    $c->setRegion('eu');
})]);

echo "-- an autoloader sets a client while getClient() looks Guzzle up\n";
$c = cio_client($s);
spl_autoload_register($loader = function (string $class) use ($c) {
    if ($class === 'GuzzleHttp\Client') {
        $c->setClient(new FakeGuzzle('from-autoloader'));
        eval('namespace GuzzleHttp; class Client { public $name = "default"; }');
    }
});
echo get_class($c->getClient()), ' ', $c->getClient()->name, "\n";
spl_autoload_unregister($loader);

echo "-- on_error (an object method) rebuilds the client that holds it\n";
final class Rebuilder
{
    public int $calls = 0;
    public ?Customerio\Client $client = null;
    public string $url = '';

    public function onError(Throwable $e, array $ops): void
    {
        // releases this very handler (the client held the only reference to it) while it runs
        $this->client->__construct('k', 's', ['track_url' => $this->url, 'retries' => 0]);
        $this->calls++;
        echo '  on_error ', get_class($e), ' ', count($ops), ' calls ', $this->calls, "\n";
    }
}
$s->reset();
$s->respond(400, '{"errors":[{"reason":"no"}]}');
$r = new Rebuilder();
$r->url = $s->url();
$c = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0, 'max_batch_bytes' => 120,
    'on_error' => [$r, 'onError']]);
$r->client = $c;
unset($r);
$c->track->queue($op);
@$c->track->queue($op); // full: the first is sent, fails, reaches on_error
echo json_encode($c->track->flush()), "\n";

echo "-- an endpoint whose client comes from __get() releases what __get() returned\n";
final class TracedClient extends Customerio\Client
{
    public function __destruct()
    {
        echo "  client freed\n";
    }
}
final class MagicTrack extends Customerio\Endpoint\Track
{
    private $real;

    public function __construct($client)
    {
        $this->real = $client;
        unset($this->client);
    }

    public function __get($name)
    {
        return $name === 'client' ? $this->real : null;
    }
}
$s->reset();
$t = new MagicTrack(new TracedClient('k', 's', ['track_url' => $s->url()]));
echo json_encode($t->entity($op)), "\n";
unset($t);
echo "end\n";
?>
--EXPECT--
-- request() calls setClient(): the running client is held until it returns
  first POST /api/v1/customers/1/events site-id:api-key {"name":"a"}
string(5) "first"
  second POST /api/v1/customers/1/events site-id:api-key {"name":"b"}
string(6) "second"
-- request() calls setSiteId(): the next request authenticates with it
  g POST /api/v1/customers/1/events site-id:api-key {"name":"c"}
  g POST /api/v1/customers/1/events site-2:api-key {"name":"d"}
-- request() drops the last reference to the Client
  dropper POST /api/v1/customers/1/events site-id:api-key {"name":"e"}
string(7) "dropper"
Error: Customerio\Endpoint\Customers has no client: construct it with a Customerio\Client
-- jsonSerialize() drops the last reference to the Client (native transport)
v1 event: {}
v2 entity: {}
2 requests
-- jsonSerialize() empties the client with a failed __construct(): an exception, nothing sent
Error: Customerio\Client object is not initialized: its constructor was not called
0 requests
-- jsonSerialize() calls setClient(): this request stays native, the next one goes through it
  late POST /api/v1/customers/1/events site-id:api-key {"name":"i"}
1 reached the server
-- __toString() of the endpoint option re-enters the client
  from-toString POST /customers/1/events site-3:api-key {"name":"j"}
-- an autoloader sets a client while getClient() looks Guzzle up
FakeGuzzle from-autoloader
-- on_error (an object method) rebuilds the client that holds it
  on_error Customerio\Exception\ClientException 1 calls 1
{}
-- an endpoint whose client comes from __get() releases what __get() returned
{}
  client freed
end
