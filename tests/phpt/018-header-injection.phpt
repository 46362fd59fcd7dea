--TEST--
CR, LF and NUL in keys, site id, URLs or endpoint paths throw Customerio\Exception\InvalidArgumentException, send nothing, echo no secret
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

class EvilRegion implements Customerio\Region\RegionInterface
{
    public function __construct(private string $base) {}
    public function trackUri(string $version = 'v1'): string { return $this->base . "/api/$version/\r\nX-Evil: 1/"; }
    public function apiUri(): string { return $this->base . "/v1/\r\n"; }
}

class EvilRegionClient extends Customerio\Client
{
    public function getRegion(): Customerio\Region\RegionInterface
    {
        return new EvilRegion(ini_get('customerio.track_url'));
    }
}

$s = cio_server();
ini_set('customerio.track_url', $s->url());
$c = cio_client($s, [], 'GOODKEY', 'GOODSITE');
$c->setAppAPIKey('GOODAPP');

$breaks = ['CR' => "\r", 'LF' => "\n", 'CRLF' => "\r\nX-Injected: yes\r\n", 'NUL' => "\0"];
foreach ($breaks as $name => $break) {
    echo "-- $name\n";
    $secret = "SECRET{$break}VALUE";
    $cases = [
        'new Client(apiKey)' => fn() => new Customerio\Client($secret, 'site', ['track_url' => $s->url()]),
        'new Client(siteId)' => fn() => new Customerio\Client('key', $secret, ['track_url' => $s->url()]),
        'setSiteId' => fn() => $c->setSiteId($secret),
        'setAppAPIKey' => fn() => $c->setAppAPIKey($secret),
        'track_url option' => fn() => new Customerio\Client('k', 's', ['track_url' => $s->url() . "/SECRET{$break}"]),
        'api_url option' => fn() => new Customerio\Client('k', 's', ['api_url' => $s->url() . $break]),
        'post path' => fn() => $c->post("a{$break}b", []),
        'post path with body' => fn() => $c->post("SECRET{$break}b", ['x' => 1]),
        'put path' => fn() => $c->put("a{$break}b", ['x' => 1]),
        'delete path' => fn() => $c->delete("a{$break}b", []),
        'get path' => fn() => $c->get("a{$break}b"),
        'endpoint in payload' => fn() => $c->post('x', ['endpoint' => $s->url() . "/{$break}/", 'x' => 1]),
        'query string in payload' => fn() => $c->post('x', ['x' => 1, 'query' => "a=1{$break}"]),
        'region from an override' => fn() => (new EvilRegionClient('k', 's'))->track->entity(cio_entity()),
    ];
    foreach ($cases as $label => $fn) {
        try {
            $fn();
            echo "$label: no exception\n";
        } catch (Throwable $e) {
            $leaks = str_contains($e->getMessage(), 'SECRET') || str_contains($e->getMessage(), $break);
            printf("%s: %s: %s%s\n", $label, get_class($e), $e->getMessage(), $leaks ? ' [LEAKS INPUT]' : '');
        }
    }
}

echo "-- nothing was sent\n";
var_dump(count($s->requests()));

echo "-- the client kept its previous credentials\n";
$c->post('check', ['a' => 1]);
$c->get('check');
[$post, $get] = $s->requests();
var_dump($post['headers']['authorization'] === 'Basic ' . base64_encode('GOODSITE:GOODKEY'));
var_dump($get['headers']['authorization'] === 'Bearer GOODAPP');
var_dump($c->getAuth(), $c->getToken());

echo "-- line breaks that get percent-encoded are not injections\n";
$s->reset();
$c->post('x', ['a' => 1, 'query' => ['k' => "v\r\nX-Injected: yes"]]);
$c->get('customers', ['email' => "a\r\nb@c.d"]);
foreach ($s->requests() as $r) {
    echo $r['method'], ' ', $r['path'], '?', $r['query'], ' injected=', var_export(isset($r['headers']['x-injected']), true), "\n";
}
?>
--EXPECT--
-- CR
new Client(apiKey): Customerio\Exception\InvalidArgumentException: The API key contains a CR, LF or NUL byte
new Client(siteId): Customerio\Exception\InvalidArgumentException: The site id contains a CR, LF or NUL byte
setSiteId: Customerio\Exception\InvalidArgumentException: The site id contains a CR, LF or NUL byte
setAppAPIKey: Customerio\Exception\InvalidArgumentException: The App API key contains a CR, LF or NUL byte
track_url option: Customerio\Exception\InvalidArgumentException: track_url must not contain spaces, control characters, '?' or '#'
api_url option: Customerio\Exception\InvalidArgumentException: api_url must not contain spaces, control characters, '?' or '#'
post path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
post path with body: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
put path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
delete path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
get path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
endpoint in payload: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
query string in payload: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
region from an override: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
-- LF
new Client(apiKey): Customerio\Exception\InvalidArgumentException: The API key contains a CR, LF or NUL byte
new Client(siteId): Customerio\Exception\InvalidArgumentException: The site id contains a CR, LF or NUL byte
setSiteId: Customerio\Exception\InvalidArgumentException: The site id contains a CR, LF or NUL byte
setAppAPIKey: Customerio\Exception\InvalidArgumentException: The App API key contains a CR, LF or NUL byte
track_url option: Customerio\Exception\InvalidArgumentException: track_url must not contain spaces, control characters, '?' or '#'
api_url option: Customerio\Exception\InvalidArgumentException: api_url must not contain spaces, control characters, '?' or '#'
post path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
post path with body: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
put path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
delete path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
get path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
endpoint in payload: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
query string in payload: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
region from an override: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
-- CRLF
new Client(apiKey): Customerio\Exception\InvalidArgumentException: The API key contains a CR, LF or NUL byte
new Client(siteId): Customerio\Exception\InvalidArgumentException: The site id contains a CR, LF or NUL byte
setSiteId: Customerio\Exception\InvalidArgumentException: The site id contains a CR, LF or NUL byte
setAppAPIKey: Customerio\Exception\InvalidArgumentException: The App API key contains a CR, LF or NUL byte
track_url option: Customerio\Exception\InvalidArgumentException: track_url must not contain spaces, control characters, '?' or '#'
api_url option: Customerio\Exception\InvalidArgumentException: api_url must not contain spaces, control characters, '?' or '#'
post path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
post path with body: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
put path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
delete path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
get path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
endpoint in payload: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
query string in payload: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
region from an override: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
-- NUL
new Client(apiKey): Customerio\Exception\InvalidArgumentException: The API key contains a CR, LF or NUL byte
new Client(siteId): Customerio\Exception\InvalidArgumentException: The site id contains a CR, LF or NUL byte
setSiteId: Customerio\Exception\InvalidArgumentException: The site id contains a CR, LF or NUL byte
setAppAPIKey: Customerio\Exception\InvalidArgumentException: The App API key contains a CR, LF or NUL byte
track_url option: Customerio\Exception\InvalidArgumentException: track_url must not contain spaces, control characters, '?' or '#'
api_url option: Customerio\Exception\InvalidArgumentException: api_url must not contain spaces, control characters, '?' or '#'
post path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
post path with body: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
put path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
delete path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
get path: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
endpoint in payload: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
query string in payload: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
region from an override: Customerio\Exception\InvalidArgumentException: The request URL contains a CR, LF or NUL byte
-- nothing was sent
int(0)
-- the client kept its previous credentials
bool(true)
bool(true)
array(2) {
  [0]=>
  string(8) "GOODSITE"
  [1]=>
  string(7) "GOODKEY"
}
string(7) "GOODAPP"
-- line breaks that get percent-encoded are not injections
POST /api/v1/x?k=v%0D%0AX-Injected%3A%20yes injected=false
GET /v1/customers?email=a%0D%0Ab%40c.d injected=false
