--TEST--
Client subclass whose constructor skips parent::__construct, and a Client from unserialize(): no crash, clear errors
--FILE--
<?php
require __DIR__ . '/inc/common.inc';
require __DIR__ . '/inc/uninit.inc';

class LazyClient extends Customerio\Client
{
    public $extra;

    public function __construct(public string $name = 'lazy')
    {
        $this->extra = 'no parent::__construct()';
    }
}

$s = cio_server();
ini_set('customerio.track_url', $s->url());
ini_set('customerio.api_url', $s->url());

echo "-- subclass\n";
$c = new LazyClient();
cio_probe_client($c);
var_dump($c->track, $c->name, $c->extra);
$clone = clone $c;
echo 'clone post(): ', cio_outcome(fn() => $clone->post('x', ['a' => 1])), "\n";
unset($c, $clone);

echo "-- serialize() of a working client: refused, so no half-working copy can exist\n";
$orig = new Customerio\Client('SECRETKEY123', 'SITEID456', ['track_url' => $s->url()]);
try {
    serialize($orig);
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
    var_dump(str_contains($e->getMessage(), 'SECRETKEY123') || str_contains($e->getMessage(), 'SITEID456'));
}

var_dump(count($s->requests()));

echo "-- the original still works\n";
var_dump($orig->track->entity(cio_entity()));
var_dump($s->single()['path']);
?>
--EXPECTF--
-- subclass
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
string(4) "lazy"
string(24) "no parent::__construct()"
clone post(): Error (not initialized)
-- serialize() of a working client: refused, so no half-working copy can exist
Exception: Serialization of 'Customerio\Client' is not allowed
bool(false)
int(0)
-- the original still works
object(stdClass)#%d (0) {
}
string(14) "/api/v2/entity"
