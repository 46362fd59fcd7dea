--TEST--
Track v2's usual answer `{}` decodes like json_decode() does (stdClass, [] with setAssocResponse(true)), and so does `{}` with whitespace
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$s = cio_server();
$op = ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 42]];
foreach (['{}', ' {}', "{}\n", '{ }'] as $body) {
    foreach ([false, true] as $assoc) {
        $c = cio_client($s);
        $c->setAssocResponse($assoc);
        $s->respond(200, $body);
        $answer = $c->track->entity($op);
        $same = $answer == json_decode($body, $assoc) && gettype($answer) === gettype(json_decode($body, $assoc));
        echo json_encode($body), $assoc ? ' assoc: ' : ': ', is_object($answer) ? get_class($answer) : gettype($answer),
            ' ', count((array) $answer), $same ? ' same as json_decode()' : ' DIFFERS', "\n";
    }
}
// the answer is a new value every time: changing one does not change the next
$c = cio_client($s);
$s->respond(200, '{}');
$a = $c->track->entity($op);
$a->changed = true;
$s->respond(200, '{}');
var_dump($c->track->entity($op));
?>
--EXPECTF--
"{}": stdClass 0 same as json_decode()
"{}" assoc: array 0 same as json_decode()
" {}": stdClass 0 same as json_decode()
" {}" assoc: array 0 same as json_decode()
"{}\n": stdClass 0 same as json_decode()
"{}\n" assoc: array 0 same as json_decode()
"{ }": stdClass 0 same as json_decode()
"{ }" assoc: array 0 same as json_decode()
object(stdClass)#%d (0) {
}
