--TEST--
Credentials changed by user code during a request's encoding (jsonSerialize calling setSiteId()/setAppAPIKey()): that request and every later one carry the current credentials, never a stale cached Authorization
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

final class Flip implements JsonSerializable
{
    public function __construct(private Closure $fn)
    {
    }

    public function jsonSerialize(): mixed
    {
        ($this->fn)();
        return ['flipped' => true];
    }
}

$s = cio_server();
$c = cio_client($s);
$c->setAppAPIKey('app-1');

function who(array $request): string
{
    $auth = $request['headers']['authorization'] ?? '(none)';
    return str_starts_with($auth, 'Basic ') ? 'Basic ' . base64_decode(substr($auth, 6)) : $auth;
}

function show(Customerio\Tests\TestServer $s, string $label): void
{
    echo "-- $label\n";
    foreach ($s->requests() as $r) {
        echo '  ', $r['method'], ' ', $r['path'], ' ', who($r), "\n";
    }
    $s->reset();
}

$c->customers->event(['id' => 1, 'name' => 'a', 'data' => new Flip(fn() => $c->setSiteId('site-2'))]);
$c->customers->event(['id' => 1, 'name' => 'b']);
$c->customers->delete(['id' => 1]);
show($s, 'Track v1: setSiteId() during the body');

$c->send->email(['transactional_message_id' => 1, 'identifiers' => ['id' => 1], 'to' => 'a@b.c',
    'message_data' => new Flip(fn() => $c->setAppAPIKey('app-2'))]);
$c->send->email(['transactional_message_id' => 1, 'identifiers' => ['id' => 1], 'to' => 'a@b.c']);
$c->campaigns->get(['id' => 3]);
show($s, 'App API: setAppAPIKey() during the body');

$c->track->entity(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 1],
    'attributes' => new Flip(fn() => $c->setSiteId('site-3'))]);
$c->track->entity(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 2]]);
show($s, 'Track v2: setSiteId() during the operation');

try {
    $c->send->email(['transactional_message_id' => 1, 'identifiers' => ['id' => 1], 'to' => 'a@b.c',
        'message_data' => new Flip(fn() => $c->setAppAPIKey(''))]);
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
show($s, 'App API key emptied during the body: nothing sent');
?>
--EXPECT--
-- Track v1: setSiteId() during the body
  POST /api/v1/customers/1/events Basic site-2:api-key
  POST /api/v1/customers/1/events Basic site-2:api-key
  DELETE /api/v1/customers/1 Basic site-2:api-key
-- App API: setAppAPIKey() during the body
  POST /v1/send/email Bearer app-2
  POST /v1/send/email Bearer app-2
  GET /v1/campaigns/3 Bearer app-2
-- Track v2: setSiteId() during the operation
  POST /api/v2/entity Basic site-3:api-key
  POST /api/v2/entity Basic site-3:api-key
InvalidArgumentException: App API Key not set!
-- App API key emptied during the body: nothing sent
