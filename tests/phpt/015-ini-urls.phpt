--TEST--
ini customerio.track_url / customerio.api_url: used by new clients, overridden by options, validated at construction
--INI--
customerio.track_url=http://127.0.0.1:1
customerio.api_url=http://127.0.0.1:1
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$s = cio_server();
var_dump(ini_get('customerio.track_url'), ini_get('customerio.api_url'));

echo "-- --INI-- values are used (nothing listens on port 1)\n";
$c = new Customerio\Client('api-key', 'site-id');
cio_try('ini port 1', fn() => $c->post('x', ['a' => 1]));

echo "-- options override ini\n";
$c = new Customerio\Client('api-key', 'site-id', ['track_url' => $s->url(), 'api_url' => $s->url() . '/']);
$c->setAppAPIKey('app-key');
$c->post('opt', ['a' => 1]);
$c->get('opt');
$c->track->entity(cio_entity());
foreach ($s->requests() as $r) {
    echo $r['method'], ' ', $r['path'], "\n";
}

echo "-- ini_set() before new Client\n";
$s->reset();
ini_set('customerio.track_url', $s->url());
ini_set('customerio.api_url', $s->url() . '///');
$c = new Customerio\Client('api-key', 'site-id');
$c->setAppAPIKey('app-key');
$c->post('ini', ['a' => 1]);
$c->get('ini');
$c->track->entity(cio_entity());
echo $c->getRegion()->trackUri('v2') === $s->url() . '/api/v2/' ? "trackUri follows ini\n" : "trackUri ignores ini\n";
echo $c->getRegion()->apiUri() === $s->url() . '/v1/' ? "apiUri follows ini\n" : "apiUri ignores ini\n";
foreach ($s->requests() as $r) {
    echo $r['method'], ' ', $r['path'], ' ', explode(' ', $r['headers']['authorization'])[0], "\n";
}

echo "-- settings are resolved at construction: a later ini_set() does not move an existing client\n";
$s->reset();
ini_set('customerio.track_url', 'http://127.0.0.1:1');
$c->post('still', ['a' => 1]);
echo $s->single()['path'], "\n";
ini_set('customerio.track_url', $s->url());

echo "-- the region option keeps the ini URL\n";
$s->reset();
$eu = new Customerio\Client('api-key', 'site-id', ['region' => 'eu']);
$eu->track->entity(cio_entity());
echo get_class($eu->getRegion()), ' ', $s->single()['path'], "\n";
$s->reset();

echo "-- invalid ini URLs fail at construction\n";
foreach (['ftp://example.com', 'example.com', 'http://', 'https:///', "http://a b", 'http://host/?q', 'http://host#f',
             "http://host\r\nX-Injected: 1", "http://host\x7f"] as $bad) {
    ini_set('customerio.track_url', $bad);
    cio_try(addcslashes($bad, "\0..\37\177"), fn() => new Customerio\Client('api-key', 'site-id'));
}
ini_set('customerio.track_url', $s->url());
ini_set('customerio.api_url', 'gopher://x');
cio_try('api_url', fn() => new Customerio\Client('api-key', 'site-id'));
cio_try('api_url overridden by option', fn() => new Customerio\Client('api-key', 'site-id', ['api_url' => $s->url()]));
ini_set('customerio.api_url', '');
cio_try('empty ini = default', fn() => (new Customerio\Client('api-key', 'site-id'))->getRegion()->apiUri());

echo "-- invalid option URLs\n";
cio_try('track_url option', fn() => new Customerio\Client('k', 's', ['track_url' => 'file:///etc/passwd']));
cio_try('api_url option', fn() => new Customerio\Client('k', 's', ['api_url' => 'http://h o st']));
cio_try('track_url not a string', fn() => new Customerio\Client('k', 's', ['track_url' => 8080]));
cio_try('unknown option', fn() => new Customerio\Client('k', 's', ['base_uri' => $s->url()]));
cio_try('list options', fn() => new Customerio\Client('k', 's', [$s->url()]));

var_dump(count($s->requests()));
?>
--EXPECTF--
string(18) "http://127.0.0.1:1"
string(18) "http://127.0.0.1:1"
-- --INI-- values are used (nothing listens on port 1)
ini port 1: Customerio\Exception\ConnectException: cURL error 7: %s for http://127.0.0.1:1/api/v1/x
-- options override ini
POST /api/v1/opt
GET /v1/opt
POST /api/v2/entity
-- ini_set() before new Client
trackUri follows ini
apiUri follows ini
POST /api/v1/ini Basic
GET /v1/ini Bearer
POST /api/v2/entity Basic
-- settings are resolved at construction: a later ini_set() does not move an existing client
/api/v1/still
-- the region option keeps the ini URL
Customerio\Region\RegionEu /api/v2/entity
-- invalid ini URLs fail at construction
ftp://example.com: Customerio\Exception\InvalidArgumentException: customerio.track_url must be an http:// or https:// URL like https://host[:port], got "ftp://example.com"
example.com: Customerio\Exception\InvalidArgumentException: customerio.track_url must be an http:// or https:// URL like https://host[:port], got "example.com"
http://: Customerio\Exception\InvalidArgumentException: customerio.track_url must be an http:// or https:// URL like https://host[:port], got "http://"
https:///: Customerio\Exception\InvalidArgumentException: customerio.track_url must be an http:// or https:// URL like https://host[:port], got "https://"
http://a b: Customerio\Exception\InvalidArgumentException: customerio.track_url must not contain spaces, control characters, '?' or '#'
http://host/?q: Customerio\Exception\InvalidArgumentException: customerio.track_url must not contain spaces, control characters, '?' or '#'
http://host#f: Customerio\Exception\InvalidArgumentException: customerio.track_url must not contain spaces, control characters, '?' or '#'
http://host\r\nX-Injected: 1: Customerio\Exception\InvalidArgumentException: customerio.track_url must not contain spaces, control characters, '?' or '#'
http://host\177: Customerio\Exception\InvalidArgumentException: customerio.track_url must not contain spaces, control characters, '?' or '#'
api_url: Customerio\Exception\InvalidArgumentException: customerio.api_url must be an http:// or https:// URL like https://host[:port], got "gopher://x"
api_url overridden by option: OK Customerio\Client
empty ini = default: OK 'https://api.customer.io/v1/'
-- invalid option URLs
track_url option: Customerio\Exception\InvalidArgumentException: track_url must be an http:// or https:// URL like https://host[:port], got "file:///etc/passwd"
api_url option: Customerio\Exception\InvalidArgumentException: api_url must not contain spaces, control characters, '?' or '#'
track_url not a string: TypeError: Customerio\Client option "track_url" must be of type string, int given
unknown option: Customerio\Exception\InvalidArgumentException: Unknown Customerio\Client option "base_uri" (known: region, track_url, api_url, verify, timeout, connect_timeout, retries, max_retry_time, auto_event_id, max_entity_bytes, max_batch_bytes, max_response_bytes, max_concurrency, on_error, http_version, queue_mode)
list options: Customerio\Exception\InvalidArgumentException: Customerio\Client options must be keyed by name
int(0)
