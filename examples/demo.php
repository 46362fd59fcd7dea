<?php
/*
 * The README's examples, sent through the bundled local Customer.io stand-in (tests/server),
 * then what arrived there. Run with: tools/demo
 */

require __DIR__ . '/../tests/server/TestServer.php';

$server = Customerio\Tests\TestServer::start();

// In production: new Customerio\Client($apiKey, $siteId, ['region' => 'eu']);
// here every API host is the local stand-in.
$client = new Customerio\Client('YOUR_API_KEY', 'YOUR_SITE_ID', [
    'region' => 'eu',
    'track_url' => $server->url(),
    'api_url' => $server->url(),
]);

// Track v2: identify a person (a null attribute removes it)
$client->track->entity([
    'type' => 'person',
    'action' => 'identify',
    'identifiers' => ['id' => '123'],
    'attributes' => ['name' => 'John Doe', 'plan' => 'premium', 'test_attribute' => null],
]);

// Track v2: identify an object (a company), related to a person
$client->track->entity([
    'type' => 'object',
    'action' => 'identify',
    'identifiers' => ['object_type_id' => '1', 'object_id' => 'acme'],
    'attributes' => ['name' => 'Acme Inc.', 'employees' => 120],
    'cio_relationships' => [['identifiers' => ['id' => '123'], 'relationship_attributes' => ['role' => 'admin']]],
]);

// Track v2: relate a person to objects
$client->track->entity([
    'type' => 'person',
    'action' => 'add_relationships',
    'identifiers' => ['email' => 'jane@example.com'],
    'cio_relationships' => [['identifiers' => ['object_type_id' => '1', 'object_id' => 'acme']]],
]);

// Track v2: delete a person
$client->track->entity(['type' => 'person', 'action' => 'delete', 'identifiers' => ['id' => '456']]);

// Track v2: a mixed batch of people, objects and a delivery metric
$client->track->batch(['batch' => [
    ['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => '123'], 'name' => 'purchased',
        'attributes' => ['total' => 39.95, 'sku' => 'TS-1']],
    ['type' => 'person', 'action' => 'page', 'identifiers' => ['id' => '123'], 'name' => 'https://example.com/pricing'],
    ['type' => 'object', 'action' => 'delete', 'identifiers' => ['object_type_id' => '1', 'object_id' => 'old-co']],
    ['type' => 'delivery', 'action' => 'event', 'identifiers' => ['id' => 'RPILAgABcRhIBqSp7kiPekGBIeVh'],
        'name' => 'opened'],
]]);

// Track v1 through the SDK's other endpoints: identify, event, device
$client->customers->add(['id' => 'user 7', 'email' => 'seven@example.com', 'plan' => 'free']);
$client->customers->event(['id' => 'user 7', 'name' => 'signed_up', 'data' => ['source' => 'ads']]);
$client->customers->devices->add(['id' => 'user 7', 'device' => ['id' => 'fcm-token', 'platform' => 'android']]);

// App API (Bearer auth with the App API key)
$client->setAppAPIKey('YOUR_APP_API_KEY');
$client->send->email(['transactional_message_id' => 3, 'to' => 'seven@example.com',
    'identifiers' => ['id' => 'user 7'], 'message_data' => ['code' => 'A1B2']]);

// Beyond the SDK (as Customer.io's official SDKs): an attachment, push / inbox / in-app / WhatsApp messages
$client->send->email(['transactional_message_id' => 4, 'to' => 'seven@example.com', 'identifiers' => ['id' => 'user 7'],
    'attach' => ['receipt.txt' => "Thank you!\n"]]);
$client->send->push(['transactional_message_id' => 5, 'identifiers' => ['email' => 'seven@example.com'],
    'title' => 'Your order shipped']);
$client->send->inboxMessage(['transactional_message_id' => 6, 'identifiers' => ['id' => 'user 7']]);
$client->send->inApp(['transactional_message_id' => 7, 'identifiers' => ['id' => 'user 7']]);
$client->send->whatsapp(['transactional_message_id' => 8, 'identifiers' => ['id' => 'user 7'], 'to' => '+15551234567']);

// push and delivery metrics (Track API), and the workspace's region
$client->events->push(['delivery_id' => 'RPILAgABcRhIBqSp7kiPekGBIeVh', 'device_id' => 'fcm-token', 'event' => 'opened']);
$client->events->metric(['delivery_id' => 'RPILAgABcRhIBqSp7kiPekGBIeVh', 'metric' => 'clicked',
    'href' => 'https://example.com/offer']);
$server->respond(200, ['url' => 'https://track-eu.customer.io', 'region' => 'eu', 'environment_id' => 1]);
echo 'getAccountRegion(): ', json_encode($client->getAccountRegion()), "\n";
// 'region' => 'auto' asks that once per process and site id, then uses the EU or US hosts
$server->respond(200, ['url' => 'https://track-eu.customer.io', 'region' => 'eu', 'environment_id' => 1]);
$auto = new Customerio\Client('YOUR_API_KEY', 'YOUR_SITE_ID', ['region' => 'auto', 'track_url' => $server->url()]);
echo "'region' => 'auto': ", get_class($auto->getRegion()), "\n\n";

// An error: the stand-in answers 400 like Customer.io does for an invalid operation
$server->respond(400, ['errors' => [['reason' => 'required', 'field' => 'identifiers', 'message' => 'missing']]]);
try {
    $client->track->entity(['type' => 'person', 'action' => 'identify', 'identifiers' => []]);
} catch (\Throwable $e) {
    echo get_class($e), ' (code ', $e->getCode(), "):\n  ", str_replace("\n", "\n  ", trim($e->getMessage())), "\n\n";
}

echo "What reached the local Customer.io stand-in:\n\n";
foreach ($server->requests() as $i => $request) {
    printf("#%d %s %s%s\n    Authorization: %s\n", $i + 1, $request['method'], $request['path'],
        $request['query'] !== '' ? '?' . $request['query'] : '', $request['headers']['authorization'] ?? '-');
    if ($request['body'] !== '') {
        echo '    ', $request['body'], "\n";
    }
}
$server->stop();
