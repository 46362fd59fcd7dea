--TEST--
User code running mid-request (jsonSerialize, __toString) and user overrides/doubles of Client and Region: no crash
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

class Meddler implements JsonSerializable
{
    public function __construct(private Closure $fn) {}

    public function jsonSerialize(): mixed
    {
        ($this->fn)();
        return ['meddled' => true];
    }
}

class Url
{
    public function __construct(private string $url, private bool $throw = false) {}

    public function __toString(): string
    {
        if ($this->throw) {
            throw new UnexpectedValueException('no URL today');
        }
        return $this->url;
    }
}

class LoggingClient extends Customerio\Client
{
    public array $log = [];

    public function post(string $endpoint, array $json)
    {
        $this->log[] = "post($endpoint) endpoint=" . ($json['endpoint'] ?? '-');
        return parent::post($endpoint, $json);
    }
}

class PrefixRegion implements Customerio\Region\RegionInterface
{
    public function __construct(private string $base) {}
    public function trackUri(string $version = 'v1'): string { return $this->base . "/prefixed/$version/"; }
    public function apiUri(): string { return $this->base . '/prefixed-app/'; }
}

class RegionOverrideClient extends Customerio\Client
{
    public string $base = '';
    public function getRegion(): Customerio\Region\RegionInterface { return new PrefixRegion($this->base); }
}

class Double
{
    public array $calls = [];
    public function getRegion() { return new PrefixRegion('http://double.invalid'); }
    public function post($endpoint, $json) { $this->calls[] = [$endpoint, $json['endpoint'], $json['type']]; return 'from double'; }
}

$s = cio_server();
$dead = 'http://127.0.0.1:1';

echo "-- the client is changed while its payload is being encoded\n";
$c = cio_client($s, [], 'KEY1', 'SITE1');
$c->setAppAPIKey('APP1');
$res = $c->post('first', ['m' => new Meddler(function () use ($c, $dead) {
    $c->setSiteId('SITE2');
    $c->setAppAPIKey('APP2');
    $c->setAssocResponse(true);
    $c->setRegion('eu');
    $c->__construct('KEY3', 'SITE3', ['track_url' => $dead, 'api_url' => $dead, 'timeout' => 5]);
})]);
var_dump($res);
$r = $s->single();
echo $r['path'], ' ', json_encode($r['json']), "\n";
cio_try('next call goes to the new URL', fn() => $c->post('second', ['a' => 1]));
var_dump($c->getAuth());

echo "-- the client is re-constructed from its Track endpoint's payload\n";
$s->reset();
$c = cio_client($s);
$track = $c->track;
$res = $track->entity(cio_entity(['attributes' => ['m' => new Meddler(function () use ($c, $s) {
    $c->__construct('K', 'S', ['track_url' => $s->url(), 'region' => 'eu']);
    $c->track = null;
})]]));
var_dump($res);
echo $s->single()['path'], ' ', var_export($c->track, true), "\n";

echo "-- __toString() of 'endpoint'\n";
$s->reset();
$c = cio_client($s);
$c->post('a', ['endpoint' => new Url($s->url() . '/from-object/'), 'query' => 'x=1', 'v' => 1]);
$r = $s->single();
echo $r['path'], '?', $r['query'], "\n";
cio_try('throwing __toString', fn() => $c->post('a', ['endpoint' => new Url('', true), 'v' => 1]));
var_dump(count($s->requests()));

echo "-- a Client subclass overriding post() is used by Track\n";
$s->reset();
$lc = new LoggingClient('k', 's', ['track_url' => $s->url()]);
$lc->track->entity(cio_entity());
$lc->track->batch(['batch' => []]);
print_r(str_replace($s->url(), 'URL', $lc->log));
echo count($s->requests()), " requests\n";

echo "-- a Client subclass overriding getRegion()\n";
$s->reset();
$rc = new RegionOverrideClient('k', 's', ['track_url' => $s->url()]);
$rc->base = $s->url();
$rc->track->entity(cio_entity());
echo $s->single()['path'], "\n";

echo "-- a test double instead of a Client\n";
$d = new Double();
$t = new Customerio\Endpoint\Track($d);
var_dump($t->entity(cio_entity()));
print_r($d->calls);

echo "-- a Track subclass\n";
class MyTrack extends Customerio\Endpoint\Track {}
$s->reset();
$mt = new MyTrack(cio_client($s));
$mt->batch(['batch' => [cio_entity()]]);
echo $s->single()['path'], "\n";

echo "-- an autoloader asked for Guzzle's classes while an exception is built sends a request itself\n";
$s->reset();
$c = cio_client($s);
$nested = [];
spl_autoload_register(function (string $class) use ($c, &$nested) {
    try {
        $nested[] = $class . ' -> ' . json_encode($c->post('nested', ['from' => $class]));
    } catch (Throwable $e) {
        $nested[] = $class . ' -> ' . get_class($e);
    }
});
$s->respond(404, 'outer');
cio_try('HTTP error', fn() => $c->post('outer', ['a' => 1]));
cio_try('validation', fn() => $c->track->entity([]));
cio_try('refused', fn() => (new Customerio\Client('k', 's', ['track_url' => 'http://127.0.0.1:1']))->post('x', []));
print_r($nested);
echo implode(' ', array_map(fn($r) => $r['path'], $s->requests())), "\n";
?>
--EXPECTF--
-- the client is changed while its payload is being encoded
object(stdClass)#%d (0) {
}
/api/v1/first {"m":{"meddled":true}}
next call goes to the new URL: Customerio\Exception\ConnectException: cURL error 7: %s for http://127.0.0.1:1/api/v1/second
array(2) {
  [0]=>
  string(5) "SITE3"
  [1]=>
  string(4) "KEY3"
}
-- the client is re-constructed from its Track endpoint's payload
object(stdClass)#%d (0) {
}
/api/v2/entity NULL
-- __toString() of 'endpoint'
/from-object/a?x=1
throwing __toString: UnexpectedValueException: no URL today
int(1)
-- a Client subclass overriding post() is used by Track
Array
(
    [0] => post(entity) endpoint=URL/api/v2/
    [1] => post(batch) endpoint=URL/api/v2/
)
2 requests
-- a Client subclass overriding getRegion()
/prefixed/v2/entity
-- a test double instead of a Client
string(11) "from double"
Array
(
    [0] => Array
        (
            [0] => entity
            [1] => http://double.invalid/prefixed/v2/
            [2] => person
        )

)
-- a Track subclass
/api/v2/batch
-- an autoloader asked for Guzzle's classes while an exception is built sends a request itself
HTTP error: Customerio\Exception\ClientException: Client error: `POST http://127.0.0.1:%d/api/v1/outer` resulted in a `404 Not Found` response:
outer

validation: Customerio\Exception\RequestException: Operation type is required!
refused: Customerio\Exception\ConnectException: cURL error 7: %s
Array
(
    [0] => GuzzleHttp\Exception\RequestException -> {}
    [1] => GuzzleHttp\Exception\RequestException -> {}
    [2] => GuzzleHttp\Exception\RequestException -> {}
)
/api/v1/outer /api/v1/nested /api/v1/nested /api/v1/nested
