--TEST--
Decoding answers: stdClass by default, arrays with setAssocResponse(true), NULL for empty or non-JSON bodies, huge bodies
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$s = cio_server();
$c = cio_client($s);

echo "-- objects by default\n";
$s->respond(200, '{"a":1,"b":{"c":[1,{"d":null}]},"e":[]}');
var_dump($c->post('x', ['q' => 1]));

echo "-- arrays with setAssocResponse(true)\n";
$c->setAssocResponse(true);
$s->respond(200, '{"a":1,"b":{"c":[1,{"d":null}]},"e":{}}');
var_dump($c->post('x', ['q' => 1]));
$s->respond(201, '{"a":1}');
var_dump($c->track->entity(cio_entity()));

echo "-- and back\n";
$c->setAssocResponse(false);
$s->respond(200, '{"a":1}');
var_dump($c->track->batch(['batch' => [cio_entity()]]));

echo "-- scalars and lists\n";
foreach (['[1,2]', '"str"', '42', '1.5', 'true', 'null', ' {"spaced":1} '] as $body) {
    $s->respond(200, $body);
    echo $body, ' => ', str_replace("\n", ' ', var_export($c->post('x', ['q' => 1]), true)), "\n";
}

echo "-- empty and undecodable bodies give NULL\n";
foreach (['' => 200, 'not json' => 200, '{"a":' => 200, "\xff" => 200, '<html></html>' => 202] as $body => $status) {
    $s->respond($status, (string) $body, ['Content-Type' => 'text/plain']);
    echo var_export((string) $body, true), " ($status) => ", var_export($c->post('x', ['q' => 1]), true), "\n";
}
$s->respond(204, '');
echo '204 No Content => ', var_export($c->put('x', ['q' => 1]), true), "\n";

echo "-- a huge answer\n";
$items = [];
for ($i = 0; $i < 40000; $i++) {
    $items[] = ['id' => $i, 'email' => "user$i@example.com", 'tags' => ['a', 'b'], 'score' => $i / 7];
}
$huge = json_encode(['results' => $items, 'next' => 'cursor']);
printf("%.1f MB\n", strlen($huge) / 1048576);
$s->respond(200, $huge);
$r = $c->post('x', ['q' => 1]);
var_dump(count($r->results), $r->results[39999]->email, $r->next);
var_dump(json_encode($r) === $huge);
$c->setAssocResponse(true);
$s->respond(200, $huge);
$r = $c->post('x', ['q' => 1]);
var_dump($r === json_decode($huge, true));
?>
--EXPECTF--
-- objects by default
object(stdClass)#%d (3) {
  ["a"]=>
  int(1)
  ["b"]=>
  object(stdClass)#%d (1) {
    ["c"]=>
    array(2) {
      [0]=>
      int(1)
      [1]=>
      object(stdClass)#%d (1) {
        ["d"]=>
        NULL
      }
    }
  }
  ["e"]=>
  array(0) {
  }
}
-- arrays with setAssocResponse(true)
array(3) {
  ["a"]=>
  int(1)
  ["b"]=>
  array(1) {
    ["c"]=>
    array(2) {
      [0]=>
      int(1)
      [1]=>
      array(1) {
        ["d"]=>
        NULL
      }
    }
  }
  ["e"]=>
  array(0) {
  }
}
array(1) {
  ["a"]=>
  int(1)
}
-- and back
object(stdClass)#%d (1) {
  ["a"]=>
  int(1)
}
-- scalars and lists
[1,2] => array (   0 => 1,   1 => 2, )
"str" => 'str'
42 => 42
1.5 => 1.5
true => true
null => NULL
 {"spaced":1}  => (object) array(    'spaced' => 1, )
-- empty and undecodable bodies give NULL
'' (200) => NULL
'not json' (200) => NULL
'{"a":' (200) => NULL
'%s' (200) => NULL
'<html></html>' (202) => NULL
204 No Content => NULL
-- a huge answer
%f MB
int(40000)
string(21) "user39999@example.com"
string(6) "cursor"
bool(true)
bool(true)
