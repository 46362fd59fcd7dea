--TEST--
Issue 11 at the engine level: minimal path-id encoding, new send/metric routes, attachments (base64, merge, limit), region => auto cached per process (and not after a failure), single cio_relationships object wrapped; nothing leaks
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$s = cio_server();
$c = cio_client($s, ['retries' => 0], 'KEY', 'SITE');
$c->setAppAPIKey('APP');
setlocale(LC_ALL, 'C.UTF-8');

function lines(Customerio\Tests\TestServer $s): void
{
    foreach ($s->requests() as $r) {
        echo $r['method'], ' ', $r['path'], $r['query'] !== '' ? '?' . $r['query'] : '', ' ',
            strtok($r['headers']['authorization'] ?? '-', ' '), ' ', $r['body'] === '' ? "''" : $r['body'], "\n";
    }
    $s->reset();
}

echo "-- path ids\n";
foreach (['a@b.test', "x:y!\$&'()*+,;=z", 'a/b?c#d%e f', "zo\u{eb}", "%41"] as $id) {
    $c->customers->delete(['id' => $id]);
}
lines($s);

echo "-- new routes\n";
$c->send->push(['transactional_message_id' => 1, 'identifiers' => ['id' => 'u']]);
$c->send->inboxMessage(['transactional_message_id' => 2, 'identifiers' => ['id' => 'u']]);
$c->send->inApp(['transactional_message_id' => 3, 'identifiers' => ['id' => 'u']]);
$c->send->whatsapp(['transactional_message_id' => 4, 'identifiers' => ['id' => 'u']]);
$c->events->push(['delivery_id' => 'd', 'device_id' => 't', 'event' => 'opened']);
$c->events->metric(['delivery_id' => 'd', 'metric' => 'spammed']);
$c->getAccountRegion();
lines($s);
foreach ([fn() => $c->send->push([]), fn() => $c->events->push(['delivery_id' => 'd', 'device_id' => 't', 'event' => 'x'])] as $fn) {
    try {
        $fn();
    } catch (Customerio\Exception\RequestException $e) {
        echo $e->getMessage(), "\n";
    }
}

echo "-- attachments\n";
$email = ['transactional_message_id' => 5, 'to' => 'a@b.c', 'identifiers' => ['id' => 'u']];
$c->send->email($email + ['attach' => ['a.txt' => 'hello', 2024 => "\0\1"], 'attachments' => ['b.txt' => 'Yg==']]);
lines($s);
foreach ([
    ['attach' => ['b.txt' => 'x'], 'attachments' => ['b.txt' => 'Yg==']],
    ['attach' => ['big' => str_repeat('x', 1572864)]],
    ['attach' => 'no'],
    ['attach' => ['a' => 1]],
] as $extra) {
    try {
        $c->send->email($email + $extra);
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

echo "-- region => auto\n";
$s->respond(500, '{}');
$s->respond(200, '{"region":"eu","url":"https://track-eu.customer.io","environment_id":1}');
for ($i = 0; $i < 3; $i++) {
    echo get_class(cio_client($s, ['region' => 'auto', 'retries' => 0], 'KEY', 'AUTO')->getRegion()), "\n";
}
$clone = clone cio_client($s, ['region' => 'auto', 'retries' => 0], 'KEY', 'AUTO');
echo get_class($clone->getRegion()), ' ', $clone->getRegion()->trackUri('v2') === $s->url() . '/api/v2/' ? 'own host' : 'other host', "\n";
echo count($s->requests()), " lookups\n";
$s->reset();

echo "-- cio_relationships\n";
$rel = ['identifiers' => ['object_type_id' => '1', 'object_id' => 'o']];
$op = ['type' => 'person', 'action' => 'add_relationships', 'identifiers' => ['id' => 'u'], 'cio_relationships' => $rel];
$c->track->entity($op);
$c->track->batch(['batch' => [$op, ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'v']]]]);
$c->track->queue($op);
$c->track->flush();
lines($s);
$s->stop();
?>
--EXPECTF--
-- path ids
DELETE /api/v1/customers/a@b.test Basic ''
DELETE /api/v1/customers/x:y!$&'()*+,;=z Basic ''
DELETE /api/v1/customers/a%2Fb%3Fc%23d%25e%20f Basic ''
DELETE /api/v1/customers/zo%C3%AB Basic ''
DELETE /api/v1/customers/%2541 Basic ''
-- new routes
POST /v1/send/push Bearer {"transactional_message_id":1,"identifiers":{"id":"u"}}
POST /v1/send/inbox_message Bearer {"transactional_message_id":2,"identifiers":{"id":"u"}}
POST /v1/send/in_app Bearer {"transactional_message_id":3,"identifiers":{"id":"u"}}
POST /v1/send/whatsapp Bearer {"transactional_message_id":4,"identifiers":{"id":"u"}}
POST /push/events Basic {"delivery_id":"d","device_id":"t","event":"opened"}
POST /api/v1/metrics Basic {"delivery_id":"d","metric":"spammed"}
GET /api/v1/accounts/region Basic ''
Push transactional_message_id is required!
Push event must be one of opened, converted, delivered!
-- attachments
POST /v1/send/email Bearer {"transactional_message_id":5,"to":"a@b.c","identifiers":{"id":"u"},"attachments":{"b.txt":"Yg==","a.txt":"aGVsbG8=","2024":"AAE="}}
Customerio\Exception\InvalidArgumentException: Attachment b.txt already exists!
Customerio\Exception\InvalidArgumentException: Email attachments are 2097152 bytes base64-encoded; Customer.io accepts less than 2 MB (2097152 bytes) in total
TypeError: Customerio\Endpoint\Send::email(): option "attach" must be of type array (file name => contents), string given
TypeError: Customerio\Endpoint\Send::email(): option "attach" must map file names to strings (the raw contents), int given
-- region => auto

Warning: Customerio\Client::__construct(): region => auto: the account region lookup failed (Server error: `GET %s/api/v1/accounts/region` resulted in a `500 Internal Server Error` response:
{}
); this client uses the US region in %s on line %d
Customerio\Region\RegionUs
Customerio\Region\RegionEu
Customerio\Region\RegionEu
Customerio\Region\RegionEu own host
2 lookups
-- cio_relationships
POST /api/v2/entity Basic {"type":"person","action":"add_relationships","identifiers":{"id":"u"},"cio_relationships":[{"identifiers":{"object_type_id":"1","object_id":"o"}}]}
POST /api/v2/batch Basic {"batch":[{"type":"person","action":"add_relationships","identifiers":{"id":"u"},"cio_relationships":[{"identifiers":{"object_type_id":"1","object_id":"o"}}]},{"type":"person","action":"identify","identifiers":{"id":"v"}}]}
POST /api/v2/batch Basic {"batch":[{"type":"person","action":"add_relationships","identifiers":{"id":"u"},"cio_relationships":[{"identifiers":{"object_type_id":"1","object_id":"o"}}]}]}
