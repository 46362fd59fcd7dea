--TEST--
Retry policy per request: an App API POST (send email/sms, campaign and broadcast triggers) is retried only when the server provably did not act (429, 503 with Retry-After, nothing sent); Track calls, GET, PUT and DELETE keep every retry
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$fs = FaultServer::start();
$c = new Customerio\Client('key', 'site', ['track_url' => $fs->url(), 'api_url' => $fs->url(), 'retries' => 2,
    'timeout' => 20, 'max_retry_time' => 60]);
$c->setAppAPIKey('app');
$quick = new Customerio\Client('key', 'site', ['api_url' => $fs->url(), 'retries' => 2, 'timeout' => 1]);
$quick->setAppAPIKey('app');

function r(int $status, array $headers = []): array
{
    return ['respond', $status, '{}', $headers, 0];
}

$email = fn() => $c->send->email(['transactional_message_id' => 1, 'identifiers' => ['id' => 1], 'to' => 'a@b.c']);
$cases = [
    'send->email 504' => [$email, [r(504), r(200)]],
    'send->email 500' => [$email, [r(500), r(200)]],
    'send->email 503 without Retry-After' => [$email, [r(503), r(200)]],
    'send->email closed after the request' => [$email, [['close'], r(200)]],
    'send->email no answer (timeout)' => [fn() => $quick->send->email(['transactional_message_id' => 1,
        'identifiers' => ['id' => 1], 'to' => 'a@b.c']), [['silent', 3], r(200)]],
    'send->email 503 Retry-After: 0' => [$email, [r(503, ['Retry-After' => '0']), r(200)]],
    'send->email 429' => [$email, [r(429), r(200)]],
    'send->sms 502' => [fn() => $c->send->sms(['transactional_message_id' => 1, 'identifiers' => ['id' => 1], 'to' => '+1']),
        [r(502), r(200)]],
    'campaigns->trigger 504' => [fn() => $c->campaigns->trigger(['id' => 7, 'data' => ['x' => 1]]), [r(504), r(200)]],
    'campaigns->trigger 429 twice' => [fn() => $c->campaigns->trigger(['id' => 7]), [r(429), r(429), r(200)]],
    'App API POST through post()' => [fn() => $c->post('campaigns/8/triggers', ['endpoint' => $c->getRegion()->apiUri()]),
        [r(504), r(200)]],
    'track->entity 504 504' => [fn() => $c->track->entity(['type' => 'person', 'action' => 'identify',
        'identifiers' => ['id' => 1]]), [r(504), r(504), r(200)]],
    'customers->event (Track v1 POST) 500' => [fn() => $c->customers->event(['id' => 1, 'name' => 'x']),
        [r(500), r(200)]],
    'campaigns->get (GET) 504' => [fn() => $c->campaigns->get(['id' => 7]), [r(504), r(200)]],
    'collection->update (PUT) 500' => [fn() => $c->collection->update(['collection_id' => 3, 'name' => 'n']),
        [r(500), r(200)]],
    'segments->delete (DELETE) 502' => [fn() => $c->segments->delete(['id' => 3]), [r(502), r(200)]],
];
foreach ($cases as $label => [$call, $script]) {
    $fs->reset();
    $fs->script(...$script);
    try {
        $call();
        $result = 'OK';
    } catch (Throwable $e) {
        $result = (new ReflectionClass($e))->getShortName() . ' ' . $e->getCode();
    }
    $requests = $fs->requests();
    printf("%-40s %-20s %d request(s) %s\n", $label, $result, count($requests),
        $requests ? $requests[0]['method'] . ' ' . $requests[0]['path'] : '');
}
$fs->stop();

?>
--EXPECT--
send->email 504                          ServerException 504  1 request(s) POST /v1/send/email
send->email 500                          ServerException 500  1 request(s) POST /v1/send/email
send->email 503 without Retry-After      ServerException 503  1 request(s) POST /v1/send/email
send->email closed after the request     ConnectException 0   1 request(s) POST /v1/send/email
send->email no answer (timeout)          ConnectException 0   1 request(s) POST /v1/send/email
send->email 503 Retry-After: 0           OK                   2 request(s) POST /v1/send/email
send->email 429                          OK                   2 request(s) POST /v1/send/email
send->sms 502                            ServerException 502  1 request(s) POST /v1/send/sms
campaigns->trigger 504                   ServerException 504  1 request(s) POST /v1/campaigns/7/triggers
campaigns->trigger 429 twice             OK                   3 request(s) POST /v1/campaigns/7/triggers
App API POST through post()              ServerException 504  1 request(s) POST /v1/campaigns/8/triggers
track->entity 504 504                    OK                   3 request(s) POST /api/v2/entity
customers->event (Track v1 POST) 500     OK                   2 request(s) POST /api/v1/customers/1/events
campaigns->get (GET) 504                 OK                   2 request(s) GET /v1/campaigns/7
collection->update (PUT) 500             OK                   2 request(s) PUT /v1/collections/3
segments->delete (DELETE) 502            OK                   2 request(s) DELETE /v1/segments/3
