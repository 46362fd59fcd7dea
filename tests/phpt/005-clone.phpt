--TEST--
clone of a Client keeps its credentials, settings and region, outlives the original, and is independent of it
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$s = cio_server();
$basic = fn(string $site, string $key) => 'Basic ' . base64_encode("$site:$key");

$a = cio_client($s, ['region' => 'eu'], 'SECRETKEY123', 'SITEID456');
$a->setAppAPIKey('APPKEY789');
$a->setAssocResponse(true);

$b = clone $a;
unset($a);
gc_collect_cycles();

echo "-- the clone sends with the same credentials\n";
$s->respond(200, '{"ok":true}');
var_dump($b->post('customers/1/events', ['name' => 'cloned']));
$r = $s->single();
echo $r['method'], ' ', $r['path'], "\n";
var_dump($r['headers']['authorization'] === $basic('SITEID456', 'SECRETKEY123'));
var_dump($r['json']);

$s->reset();
$b->get('customers', ['email' => 'a@b.c']);
$r = $s->single();
echo $r['method'], ' ', $r['path'], '?', $r['query'], "\n";
var_dump($r['headers']['authorization'] === 'Bearer APPKEY789');

$s->reset();
var_dump($b->track->entity(cio_entity()));
$r = $s->single();
echo $r['method'], ' ', $r['path'], "\n";
var_dump($r['headers']['authorization'] === $basic('SITEID456', 'SECRETKEY123'));

var_dump(get_class($b->getRegion()), $b->getAuth(), $b->getToken());

echo "-- a clone of the clone is independent\n";
$c = clone $b;
$c->setSiteId('OTHERSITE');
$c->setAppAPIKey('OTHERAPP');
$c->setAssocResponse(false);
$c->setRegion('us');
$s->reset();
$s->respond(200, '{"ok":true}');
$s->respond(200, '{"ok":true}');
var_dump($c->post('x', ['n' => 1]));
var_dump($b->post('x', ['n' => 2]));
[$rc, $rb] = $s->requests();
var_dump($rc['headers']['authorization'] === $basic('OTHERSITE', 'SECRETKEY123'));
var_dump($rb['headers']['authorization'] === $basic('SITEID456', 'SECRETKEY123'));
var_dump(get_class($c->getRegion()), get_class($b->getRegion()), $c->getToken(), $b->getToken());

echo "-- many clones\n";
$s->reset();
$clones = [];
for ($i = 0; $i < 50; $i++) {
    $clones[] = clone ($clones ? end($clones) : $b);
}
unset($b, $c);
$last = end($clones);
$clones = [];
gc_collect_cycles();
$last->post('last', []);
$r = $s->single();
echo $r['path'], ' ', var_export($r['headers']['authorization'] === $basic('SITEID456', 'SECRETKEY123'), true), "\n";
?>
--EXPECTF--
-- the clone sends with the same credentials
array(1) {
  ["ok"]=>
  bool(true)
}
POST /api/v1/customers/1/events
bool(true)
array(1) {
  ["name"]=>
  string(6) "cloned"
}
GET /v1/customers?email=a%40b.c
bool(true)
array(0) {
}
POST /api/v2/entity
bool(true)
string(26) "Customerio\Region\RegionEu"
array(2) {
  [0]=>
  string(9) "SITEID456"
  [1]=>
  string(12) "SECRETKEY123"
}
string(9) "APPKEY789"
-- a clone of the clone is independent
object(stdClass)#%d (1) {
  ["ok"]=>
  bool(true)
}
array(1) {
  ["ok"]=>
  bool(true)
}
bool(true)
bool(true)
string(26) "Customerio\Region\RegionUs"
string(26) "Customerio\Region\RegionEu"
string(8) "OTHERAPP"
string(9) "APPKEY789"
-- many clones
/api/v1/last true
