--TEST--
Client made without its constructor: every public method works or throws \Error "not initialized", nothing is sent
--FILE--
<?php
require __DIR__ . '/inc/common.inc';
require __DIR__ . '/inc/uninit.inc';

$s = cio_server();
// Even with the ini pointing at the server, an uninitialized client must not send anything.
ini_set('customerio.track_url', $s->url());
ini_set('customerio.api_url', $s->url());

$c = (new ReflectionClass(Customerio\Client::class))->newInstanceWithoutConstructor();
cio_probe_client($c);
var_dump($c->track);

echo "-- clone, dump, serialize\n";
$d = clone $c;
echo cio_outcome(fn() => $d->post('x', ['a' => 1])), "\n";
var_dump($d);
try {
    serialize($c);
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump(count($s->requests()));

echo "-- constructing it afterwards makes it work\n";
$c->__construct('api-key', 'site-id', ['track_url' => $s->url()]);
var_dump($c->post('later', ['a' => 1]));
var_dump($c->track() instanceof Customerio\Endpoint\Track);
$r = $s->single();
echo $r['method'], ' ', $r['path'], ' ', $r['headers']['authorization'], "\n";
var_dump($r['headers']['authorization'] === 'Basic ' . base64_encode('site-id:api-key'));
?>
--EXPECTF--
track(): Error (not initialized)
getRegion(): Error (not initialized)
setRegion(eu): Error (not initialized)
getAuth(): Error (not initialized)
getToken() before key: InvalidArgumentException: App API Key not set!
setAppAPIKey(): returned NULL
getToken() after key: returned 'app-key'
setSiteId(): returned NULL
setAssocResponse(): returned NULL
get(): Error (not initialized)
post(): Error (not initialized)
put(): Error (not initialized)
delete(): Error (not initialized)
Track(client)->entity(): Error (not initialized)
Track(client)->batch(): Error (not initialized)
NULL
-- clone, dump, serialize
Error (not initialized)
object(Customerio\Client)#%d (14) {
  ["events"]=>
  NULL
  ["customers"]=>
  NULL
  ["page"]=>
  NULL
  ["campaigns"]=>
  NULL
  ["messages"]=>
  NULL
  ["messageTemplates"]=>
  NULL
  ["newsletters"]=>
  NULL
  ["segments"]=>
  NULL
  ["exports"]=>
  NULL
  ["activities"]=>
  NULL
  ["senderIdentities"]=>
  NULL
  ["send"]=>
  NULL
  ["collection"]=>
  NULL
  ["track"]=>
  NULL
}
Exception: Serialization of 'Customerio\Client' is not allowed
int(0)
-- constructing it afterwards makes it work
object(stdClass)#%d (0) {
}
bool(true)
POST /api/v1/later Basic c2l0ZS1pZDphcGkta2V5
bool(true)
