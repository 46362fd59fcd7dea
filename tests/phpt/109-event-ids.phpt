--TEST--
Automatic ULID ids: person event/page/screen in entity(), batch(), queue(); kept across retries; caller ids kept; ini customerio.auto_event_id=0 and the option
--INI--
customerio.auto_event_id=0
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$s = FaultServer::start();
$ops = [
    ['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => 1], 'name' => 'e'],
    ['type' => 'person', 'action' => 'page', 'identifiers' => ['id' => 1], 'name' => '/p'],
    ['type' => 'person', 'action' => 'screen', 'identifiers' => ['id' => 1], 'name' => 's'],
    ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 1]],
    ['type' => 'object', 'action' => 'event', 'identifiers' => ['object_type_id' => 1, 'object_id' => 2], 'name' => 'o'],
    ['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => 1], 'name' => 'own', 'id' => 'mine'],
    ['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => 1], 'name' => []],
    ['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => 1], 'name' => 'obj', 'attributes' => new stdClass()],
];

function describe(array $sent): string
{
    $keys = array_keys($sent);
    if (!isset($sent['id'])) {
        return 'no id';
    }
    if (!preg_match('/^[0-9A-HJKMNP-TV-Z]{26}$/', $sent['id'])) {
        return 'id ' . $sent['id'];
    }
    return end($keys) === 'id' ? 'ULID last' : 'ULID not last';
}

foreach (['ini auto_event_id=0' => [], 'option true' => ['auto_event_id' => true]] as $label => $options) {
    echo "-- $label\n";
    $s->reset();
    $s->respond(500)->respond(503);
    $c = new Customerio\Client('k', 's', $options + ['track_url' => $s->url(), 'retries' => 2]);
    $c->track->entity($ops[0]);
    $bodies = array_column($s->requests(), 'body');
    echo 'entity: ', describe(json_decode($bodies[0], true)), ', attempts ', count($bodies), ', same body ',
        var_export(count(array_unique($bodies)) === 1, true), "\n";
    $s->reset();
    $c->track->batch(['batch' => $ops]);
    foreach ($ops as $op) {
        $c->track->queue($op);
    }
    $c->track->flush();
    [$batch, $flush] = $s->requests();
    foreach ($batch['json']['batch'] as $i => $sent) {
        echo "  $i batch ", describe($sent), ', queue ', describe($flush['json']['batch'][$i]), "\n";
    }
    $ids = array_filter(array_column(array_merge($batch['json']['batch'], $flush['json']['batch']), 'id'), fn($id) => $id !== 'mine');
    echo '  distinct ids: ', var_export(count($ids) === count(array_unique($ids)), true), "\n";
}
?>
--EXPECT--
-- ini auto_event_id=0
entity: no id, attempts 3, same body true
  0 batch no id, queue no id
  1 batch no id, queue no id
  2 batch no id, queue no id
  3 batch no id, queue no id
  4 batch no id, queue no id
  5 batch id mine, queue id mine
  6 batch no id, queue no id
  7 batch no id, queue no id
  distinct ids: true
-- option true
entity: ULID last, attempts 3, same body true
  0 batch ULID last, queue ULID last
  1 batch ULID last, queue ULID last
  2 batch ULID last, queue ULID last
  3 batch no id, queue no id
  4 batch no id, queue no id
  5 batch id mine, queue id mine
  6 batch ULID last, queue ULID last
  7 batch ULID last, queue ULID last
  distinct ids: true
