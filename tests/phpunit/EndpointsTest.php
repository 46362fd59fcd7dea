<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Client;

/**
 * Every SDK endpoint method against the stand-in (README "Endpoints"): HTTP method, path, query string,
 * authorization, JSON body and return value; every validation message (native and Guzzle classes);
 * percent-encoded path ids; the endpoint getters and properties.
 */
final class EndpointsTest extends TestCase
{
    /** Walks "customers->devices" from the client. */
    private static function endpoint(Client $client, string $chain): object
    {
        $object = $client;
        foreach (explode('->', $chain) as $property) {
            $object = $object->$property;
        }
        return $object;
    }

    /**
     * One row of calls(): $path starting with /api/ is the Track API (Basic auth), /v1/ the App API (Bearer).
     * $json null means no body (and no Content-Type) at all.
     */
    private static function call(string $endpoint, string $method, array $options, string $http, string $path,
        string $query = '', ?array $json = null): array
    {
        return [$endpoint, $method, $options, $http, $path, $query, $json];
    }

    public static function calls(): array
    {
        $filter = ['and' => [['segment' => ['id' => 4]], ['attribute' => ['field' => 'plan', 'operator' => 'eq', 'value' => 'pro']]]];
        $device = ['id' => 'tok-1', 'platform' => 'ios', 'last_used' => 1700000000];

        return [
            // Customers (Track v1 unless noted)
            'customers event by id' => self::call('customers', 'event',
                ['id' => 'u1', 'name' => 'purchase', 'data' => ['price' => 23.5, 'sku' => 'A-1']],
                'POST', '/api/v1/customers/u1/events', '', ['name' => 'purchase', 'data' => ['price' => 23.5, 'sku' => 'A-1']]),
            'customers event by email' => self::call('customers', 'event',
                ['email' => 'ann@example.com', 'name' => 'login'],
                'POST', '/api/v1/customers/ann@example.com/events', '', ['name' => 'login']),
            'customers event id wins over email (email stays in body)' => self::call('customers', 'event',
                ['email' => 'ann@example.com', 'id' => 'u1', 'name' => 'login'],
                'POST', '/api/v1/customers/u1/events', '', ['email' => 'ann@example.com', 'name' => 'login']),
            'customers event by cio_id (id stays in body)' => self::call('customers', 'event',
                ['id' => 'u1', 'cio_id' => 'f00d', 'name' => 'login'],
                'POST', '/api/v1/customers/cio_f00d/events', '', ['id' => 'u1', 'name' => 'login']),
            'customers add' => self::call('customers', 'add',
                ['id' => 'u1', 'email' => 'ann@example.com', 'plan' => 'pro', 'created_at' => 1700000000],
                'PUT', '/api/v1/customers/u1', '', ['email' => 'ann@example.com', 'plan' => 'pro', 'created_at' => 1700000000]),
            'customers add by email' => self::call('customers', 'add',
                ['email' => 'ann@example.com', 'plan' => 'pro'],
                'PUT', '/api/v1/customers/ann@example.com', '', ['plan' => 'pro']),
            'customers add by cio_id' => self::call('customers', 'add',
                ['cio_id' => '03000001', 'email' => 'ann@example.com'],
                'PUT', '/api/v1/customers/cio_03000001', '', ['email' => 'ann@example.com']),
            'customers add id only: no body' => self::call('customers', 'add', ['id' => 'u1'],
                'PUT', '/api/v1/customers/u1'),
            'customers update' => self::call('customers', 'update',
                ['id' => 'u2', 'plan' => 'free', 'flags' => ['beta' => true]],
                'PUT', '/api/v1/customers/u2', '', ['plan' => 'free', 'flags' => ['beta' => true]]),
            'customers delete (no body even with extra options)' => self::call('customers', 'delete',
                ['id' => 'u1', 'reason' => 'gdpr'], 'DELETE', '/api/v1/customers/u1'),
            'customers delete by cio_id' => self::call('customers', 'delete', ['cio_id' => 'abc'],
                'DELETE', '/api/v1/customers/cio_abc'),
            'customers get (App API, email in the query)' => self::call('customers', 'get',
                ['email' => 'ann@example.com'], 'GET', '/v1/customers', 'email=ann%40example.com'),
            'customers search (App API, query to URL)' => self::call('customers', 'search',
                ['filter' => $filter, 'query' => ['limit' => 5, 'start' => 'abc']],
                'POST', '/v1/customers', 'limit=5&start=abc', ['filter' => $filter]),
            'customers search without query' => self::call('customers', 'search', ['filter' => $filter],
                'POST', '/v1/customers', '', ['filter' => $filter]),
            'customers attributes' => self::call('customers', 'attributes', ['id' => 'u1'],
                'GET', '/v1/customers/u1/attributes'),
            'customers attributes by email, rest to query' => self::call('customers', 'attributes',
                ['email' => 'ann@example.com', 'id_type' => 'email'],
                'GET', '/v1/customers/ann@example.com/attributes', 'id_type=email'),
            'customers attributes cio_id beats id' => self::call('customers', 'attributes',
                ['id' => 'u1', 'cio_id' => 'c9'], 'GET', '/v1/customers/cio_c9/attributes', 'id=u1'),
            'customers segments' => self::call('customers', 'segments', ['id' => 'u1'],
                'GET', '/v1/customers/u1/segments'),
            'customers messages' => self::call('customers', 'messages',
                ['id' => 'u1', 'limit' => 10, 'start' => 'tok'], 'GET', '/v1/customers/u1/messages', 'limit=10&start=tok'),
            'customers activities' => self::call('customers', 'activities',
                ['id' => 'u1', 'type' => 'event', 'name' => 'login'],
                'GET', '/v1/customers/u1/activities', 'type=event&name=login'),
            'customers suppress' => self::call('customers', 'suppress', ['id' => 'u1'],
                'POST', '/api/v1/customers/u1/suppress'),
            'customers suppress by email' => self::call('customers', 'suppress', ['email' => 'ann@example.com'],
                'POST', '/api/v1/customers/ann@example.com/suppress'),
            'customers unsuppress' => self::call('customers', 'unsuppress', ['id' => 'u1'],
                'POST', '/api/v1/customers/u1/unsuppress'),
            'customers merge' => self::call('customers', 'merge',
                ['primary' => ['id' => 'u1'], 'secondary' => ['email' => 'old@example.com']],
                'POST', '/api/v1/merge_customers', '', ['primary' => ['id' => 'u1'], 'secondary' => ['email' => 'old@example.com']]),
            'customers merge by cio_id' => self::call('customers', 'merge',
                ['primary' => ['cio_id' => 'a1'], 'secondary' => ['cio_id' => 'b2']],
                'POST', '/api/v1/merge_customers', '', ['primary' => ['cio_id' => 'a1'], 'secondary' => ['cio_id' => 'b2']]),

            // Customers\Devices (Track v1)
            'devices add (body = whole options, id included)' => self::call('customers->devices', 'add',
                ['id' => 'u1', 'device' => $device], 'PUT', '/api/v1/customers/u1/devices', '', ['id' => 'u1', 'device' => $device]),
            'devices update' => self::call('customers->devices', 'update',
                ['id' => 'u1', 'device' => ['id' => 'tok-2', 'platform' => 'android']],
                'PUT', '/api/v1/customers/u1/devices', '', ['id' => 'u1', 'device' => ['id' => 'tok-2', 'platform' => 'android']]),
            'devices delete (no body)' => self::call('customers->devices', 'delete',
                ['id' => 'u1', 'device_id' => 'tok-1'], 'DELETE', '/api/v1/customers/u1/devices/tok-1'),

            // Events, Page (Track v1)
            'events anonymous' => self::call('events', 'anonymous',
                ['name' => 'invite', 'anonymous_id' => 'anon-1', 'data' => ['recipient' => 'bob@example.com']],
                'POST', '/api/v1/events', '',
                ['name' => 'invite', 'anonymous_id' => 'anon-1', 'data' => ['recipient' => 'bob@example.com']]),
            'page view' => self::call('page', 'view',
                ['id' => 'u1', 'url' => 'https://example.com/pricing', 'data' => ['referrer' => 'ads']],
                'POST', '/api/v1/customers/u1/events', '',
                ['type' => 'page', 'data' => ['referrer' => 'ads'], 'name' => 'https://example.com/pricing']),
            'page view url only' => self::call('page', 'view', ['url' => '/home', 'id' => 7],
                'POST', '/api/v1/customers/7/events', '', ['type' => 'page', 'name' => '/home']),

            // Segments
            'segments create (App API)' => self::call('segments', 'create',
                ['name' => 'VIP', 'description' => 'big spenders'],
                'POST', '/v1/segments', '', ['segment' => ['name' => 'VIP', 'description' => 'big spenders']]),
            'segments search' => self::call('segments', 'search', [], 'GET', '/v1/segments'),
            'segments get' => self::call('segments', 'get', ['id' => 7], 'GET', '/v1/segments/7'),
            'segments usedBy' => self::call('segments', 'usedBy', ['id' => 7], 'GET', '/v1/segments/7/used_by'),
            'segments customerCount' => self::call('segments', 'customerCount', ['id' => 7],
                'GET', '/v1/segments/7/customer_count'),
            'segments membership' => self::call('segments', 'membership', ['id' => 7, 'limit' => 2, 'start' => 'n'],
                'GET', '/v1/segments/7/membership', 'limit=2&start=n'),
            'segments delete (App API, no body)' => self::call('segments', 'delete', ['id' => 7],
                'DELETE', '/v1/segments/7'),
            'segments addCustomers (Track v1)' => self::call('segments', 'addCustomers', ['id' => 7, 'ids' => ['u1', 'u2']],
                'POST', '/api/v1/segments/7/add_customers', '', ['ids' => ['u1', 'u2']]),
            'segments removeCustomers (Track v1)' => self::call('segments', 'removeCustomers', ['id' => 7, 'ids' => ['u3']],
                'POST', '/api/v1/segments/7/remove_customers', '', ['ids' => ['u3']]),

            // Send (App API)
            'send email with template' => self::call('send', 'email',
                ['transactional_message_id' => 3, 'identifiers' => ['id' => 'u1'], 'to' => 'ann@example.com',
                    'message_data' => ['code' => '1234']],
                'POST', '/v1/send/email', '',
                ['transactional_message_id' => 3, 'identifiers' => ['id' => 'u1'], 'to' => 'ann@example.com',
                    'message_data' => ['code' => '1234']]),
            'send email without template' => self::call('send', 'email',
                ['body' => '<p>Hi</p>', 'subject' => 'Hello', 'from' => 'team@example.com',
                    'identifiers' => ['email' => 'ann@example.com'], 'to' => 'ann@example.com'],
                'POST', '/v1/send/email', '',
                ['body' => '<p>Hi</p>', 'subject' => 'Hello', 'from' => 'team@example.com',
                    'identifiers' => ['email' => 'ann@example.com'], 'to' => 'ann@example.com']),
            'send sms' => self::call('send', 'sms',
                ['transactional_message_id' => 'otp', 'identifiers' => ['id' => 'u1'], 'to' => '+15555550100'],
                'POST', '/v1/send/sms', '',
                ['transactional_message_id' => 'otp', 'identifiers' => ['id' => 'u1'], 'to' => '+15555550100']),

            // Campaigns (App API)
            'campaigns search' => self::call('campaigns', 'search', [], 'GET', '/v1/campaigns'),
            'campaigns get' => self::call('campaigns', 'get', ['id' => 5], 'GET', '/v1/campaigns/5'),
            'campaigns metrics' => self::call('campaigns', 'metrics', ['id' => 5, 'period' => 'days', 'steps' => 7],
                'GET', '/v1/campaigns/5/metrics', 'period=days&steps=7'),
            'campaigns metrics of a trigger' => self::call('campaigns', 'metrics', ['id' => 5, 'trigger_id' => 2, 'period' => 'weeks'],
                'GET', '/v1/campaigns/5/triggers/2/metrics', 'period=weeks'),
            'campaigns triggers' => self::call('campaigns', 'triggers', ['id' => 5], 'GET', '/v1/campaigns/5/triggers'),
            'campaigns trigger (POST)' => self::call('campaigns', 'trigger',
                ['id' => 5, 'data' => ['headline' => 'Sale'], 'recipients' => ['segment' => ['id' => 3]]],
                'POST', '/v1/campaigns/5/triggers', '', ['data' => ['headline' => 'Sale'], 'recipients' => ['segment' => ['id' => 3]]]),
            'campaigns messages' => self::call('campaigns', 'messages', ['id' => 5, 'type' => 'email'],
                'GET', '/v1/campaigns/5/messages', 'type=email'),
            'campaigns actions' => self::call('campaigns', 'actions', ['id' => 5], 'GET', '/v1/campaigns/5/actions'),
            'campaigns getAction' => self::call('campaigns', 'getAction', ['id' => 5, 'action_id' => 9],
                'GET', '/v1/campaigns/5/actions/9'),
            'campaigns getActionMetrics' => self::call('campaigns', 'getActionMetrics',
                ['id' => 5, 'action_id' => 9, 'period' => 'months'], 'GET', '/v1/campaigns/5/actions/9/metrics', 'period=months'),

            // Collections (App API)
            'collection search' => self::call('collection', 'search', [], 'GET', '/v1/collections'),
            'collection get' => self::call('collection', 'get', ['id' => 3], 'GET', '/v1/collections/3'),
            'collection create with data' => self::call('collection', 'create',
                ['name' => 'products', 'data' => [['sku' => 'a', 'price' => 1], ['sku' => 'b', 'price' => 2]]],
                'POST', '/v1/collections', '', ['name' => 'products', 'data' => [['sku' => 'a', 'price' => 1], ['sku' => 'b', 'price' => 2]]]),
            'collection create with url' => self::call('collection', 'create',
                ['name' => 'feed', 'url' => 'https://example.com/feed.json'],
                'POST', '/v1/collections', '', ['name' => 'feed', 'url' => 'https://example.com/feed.json']),
            'collection delete (no body)' => self::call('collection', 'delete', ['collection_id' => 3],
                'DELETE', '/v1/collections/3'),
            'collection update' => self::call('collection', 'update',
                ['collection_id' => 3, 'name' => 'renamed', 'data' => [['sku' => 'c']]],
                'PUT', '/v1/collections/3', '', ['name' => 'renamed', 'data' => [['sku' => 'c']]]),
            'collection updateContent (body = data list)' => self::call('collection', 'updateContent',
                ['collection_id' => 3, 'name' => 'ignored', 'data' => [['sku' => 'a'], ['sku' => 'b']]],
                'PUT', '/v1/collections/3/content', '', [['sku' => 'a'], ['sku' => 'b']]),
            'collection updateContent (body = data object)' => self::call('collection', 'updateContent',
                ['collection_id' => 4, 'data' => ['rows' => 2, 'kind' => 'x']],
                'PUT', '/v1/collections/4/content', '', ['rows' => 2, 'kind' => 'x']),

            // Exports, MessageTemplates, Messages, Newsletters, Activities, SenderIdentities (App API)
            'exports search' => self::call('exports', 'search', [], 'GET', '/v1/exports'),
            'exports get' => self::call('exports', 'get', ['id' => 11], 'GET', '/v1/exports/11'),
            'exports download' => self::call('exports', 'download', ['id' => 11], 'GET', '/v1/exports/11/download'),
            'messageTemplates get' => self::call('messageTemplates', 'get', ['id' => 8], 'GET', '/v1/msg_templates/8'),
            'messageTemplates metrics' => self::call('messageTemplates', 'metrics', ['id' => 8, 'period' => 'hours'],
                'GET', '/v1/msg_templates/8/metrics', 'period=hours'),
            'messages search' => self::call('messages', 'search',
                ['limit' => 10, 'metrics' => true, 'drafts' => false, 'type' => null, 'start' => 'a b'],
                'GET', '/v1/messages', 'limit=10&metrics=1&drafts=0&start=a%20b'),
            'messages get' => self::call('messages', 'get', ['id' => 'm-1'], 'GET', '/v1/messages/m-1'),
            'newsletters search' => self::call('newsletters', 'search', ['limit' => 3], 'GET', '/v1/newsletters', 'limit=3'),
            'newsletters get' => self::call('newsletters', 'get', ['id' => 4], 'GET', '/v1/newsletters/4'),
            'newsletters metrics' => self::call('newsletters', 'metrics', ['id' => 4, 'period' => 'days'],
                'GET', '/v1/newsletters/4/metrics', 'period=days'),
            'newsletters messages' => self::call('newsletters', 'messages', ['id' => 4], 'GET', '/v1/newsletters/4/messages'),
            'activities search' => self::call('activities', 'search',
                ['type' => 'attribute_change', 'filter' => ['a' => 'b'], 'deleted' => true],
                'GET', '/v1/activities', 'type=attribute_change&filter%5Ba%5D=b&deleted=1'),
            'senderIdentities search' => self::call('senderIdentities', 'search', ['limit' => 1],
                'GET', '/v1/sender_identities', 'limit=1'),
            'senderIdentities get' => self::call('senderIdentities', 'get', ['id' => 2], 'GET', '/v1/sender_identities/2'),
            'senderIdentities usedBy' => self::call('senderIdentities', 'usedBy', ['id' => 2],
                'GET', '/v1/sender_identities/2/used_by'),
        ];
    }

    /** @dataProvider calls */
    #[\PHPUnit\Framework\Attributes\DataProvider('calls')]
    public function testEndpointCall(string $endpoint, string $method, array $options, string $http, string $path,
        string $query, ?array $json): void
    {
        $reply = ['ok' => true, 'call' => "$endpoint::$method", 'items' => [['id' => 1]]];
        self::server()->respond(200, $reply);
        $client = $this->appClient();

        $result = self::endpoint($client, $endpoint)->$method($options);

        $req = $this->single();
        $this->assertSame($http, $req['method']);
        $this->assertSame($path, $req['path']);
        $this->assertSame($query, $req['query']);
        $this->assertSame('application/json', $req['headers']['accept'] ?? null);
        if (str_starts_with($path, '/api/')) {
            $this->assertSame($this->basicAuth(), $req['headers']['authorization'] ?? null, 'Track API: Basic auth');
        } else {
            $this->assertStringStartsWith('/v1/', $path);
            $this->assertSame('Bearer ' . self::APP_KEY, $req['headers']['authorization'] ?? null, 'App API: Bearer');
        }
        if ($json === null) {
            $this->assertSame('', $req['body'], 'no body expected');
            $this->assertArrayNotHasKey('content-type', $req['headers']);
        } else {
            $this->assertSame($json, $req['json']);
            $this->assertSame('application/json', $req['headers']['content-type'] ?? null);
        }
        $this->assertInstanceOf(\stdClass::class, $result);
        $this->assertEquals(json_decode(json_encode($reply)), $result);
    }

    public function testEndpointCallReturnsArraysInAssocMode(): void
    {
        self::server()->respond(200, '{"customers":[{"id":"u1"}],"next":"n2"}');
        $client = $this->appClient();
        $client->setAssocResponse(true);

        $result = $client->segments->membership(['id' => 7]);

        $this->assertSame(['customers' => [['id' => 'u1']], 'next' => 'n2'], $result);
        $this->assertSame('/v1/segments/7/membership', $this->single()['path']);
    }

    public function testTrackEndpointReturnsDecodedBody(): void
    {
        self::server()->respond(200, '{"meta":{"n":2}}');

        $result = $this->appClient()->customers->add(['id' => 'u1']);

        $this->assertEquals((object) ['meta' => (object) ['n' => 2]], $result);
    }

    public function testCollectionContentReturnsTheRawBody(): void
    {
        $raw = "[{\"sku\":\"a\",\"price\":1},\n {\"sku\":\"b\"}]  ";
        self::server()->respond(200, $raw, ['Content-Type' => 'application/json']);
        $client = $this->appClient();

        $result = $client->collection->content(['collection_id' => 3]);

        $this->assertSame($raw, $result);
        $req = $this->single();
        $this->assertSame('GET', $req['method']);
        $this->assertSame('/v1/collections/3/content', $req['path']);
        $this->assertSame('raw=1', $req['query']);
        $this->assertSame('Bearer ' . self::APP_KEY, $req['headers']['authorization']);
        $this->assertSame('', $req['body']);
    }

    public function testCollectionContentIsRawInAssocModeToo(): void
    {
        self::server()->respond(200, '{"not":"decoded"}');
        $client = $this->appClient();
        $client->setAssocResponse(true);

        $this->assertSame('{"not":"decoded"}', $client->collection->content(['collection_id' => 9, 'x' => 'y']));
        $req = $this->single();
        $this->assertSame('/v1/collections/9/content', $req['path']);
        $this->assertSame('x=y&raw=1', $req['query']);
    }

    public function testEuRegionKeepsPathsWithOverriddenBases(): void
    {
        $client = $this->appClient(['region' => 'eu']);
        $client->segments->get(['id' => 7]);
        $client->customers->add(['id' => 'u1']);

        $requests = $this->requests();
        $this->assertCount(2, $requests);
        $this->assertSame('/v1/segments/7', $requests[0]['path']);
        $this->assertSame('Bearer ' . self::APP_KEY, $requests[0]['headers']['authorization']);
        $this->assertSame('/api/v1/customers/u1', $requests[1]['path']);
        $this->assertSame($this->basicAuth(), $requests[1]['headers']['authorization']);
    }

    public function testOptionsArrayOfTheCallerIsNotModified(): void
    {
        $options = ['id' => 'u1', 'cio_id' => 'c1', 'name' => 'x'];
        $copy = $options;
        $this->appClient()->customers->event($options);

        $this->assertSame($copy, $options);
        $this->assertSame('/api/v1/customers/cio_c1/events', $this->single()['path']);
    }

    // ---------------------------------------------------------------- validation

    private static function invalid(string $endpoint, string $method, array $options, string $message,
        string $sdkMethod): array
    {
        return [$endpoint, $method, $options, $message, $sdkMethod];
    }

    public static function invalidCalls(): array
    {
        $email = 'if transactional_message_id is missing!';
        $ids = ['id' => 'u1'];

        return [
            'customers event: nothing' => self::invalid('customers', 'event', ['name' => 'x'],
                'User id, email or cio_id is required!', 'POST'),
            'customers event: null id' => self::invalid('customers', 'event', ['id' => null, 'name' => 'x'],
                'User id, email or cio_id is required!', 'POST'),
            'customers add' => self::invalid('customers', 'add', ['plan' => 'pro'], 'User id or email is required!', 'PUT'),
            'customers update' => self::invalid('customers', 'update', [], 'User id or email is required!', 'PUT'),
            'customers delete' => self::invalid('customers', 'delete', [], 'User id or email is required!', 'DELETE'),
            'customers get' => self::invalid('customers', 'get', ['id' => 'u1'], 'Email is required!', 'GET'),
            'customers search' => self::invalid('customers', 'search', ['query' => ['limit' => 1]], 'Filter is required!', 'POST'),
            'customers attributes' => self::invalid('customers', 'attributes', [], 'User id or email is required!', 'GET'),
            'customers attributes: cio_id alone is not enough' => self::invalid('customers', 'attributes',
                ['cio_id' => 'c1'], 'User id or email is required!', 'GET'),
            'customers segments' => self::invalid('customers', 'segments', [], 'User id or email is required!', 'GET'),
            'customers messages' => self::invalid('customers', 'messages', [], 'User id or email is required!', 'GET'),
            'customers activities' => self::invalid('customers', 'activities', [], 'User id or email is required!', 'GET'),
            'customers suppress' => self::invalid('customers', 'suppress', [], 'User id or email is required!', 'GET'),
            'customers suppress: cio_id alone' => self::invalid('customers', 'suppress', ['cio_id' => 'c1'],
                'User id or email is required!', 'GET'),
            'customers unsuppress' => self::invalid('customers', 'unsuppress', [], 'User id or email is required!', 'GET'),
            'customers merge: nothing' => self::invalid('customers', 'merge', [],
                'Primary user id, email or cio_id is required!', 'POST'),
            'customers merge: primary without identifier' => self::invalid('customers', 'merge',
                ['primary' => ['name' => 'a'], 'secondary' => ['id' => 'b']], 'Primary user id, email or cio_id is required!', 'POST'),
            'customers merge: no secondary' => self::invalid('customers', 'merge', ['primary' => ['email' => 'a@x.io']],
                'Secondary user id, email or cio_id is required!', 'POST'),
            'customers merge: secondary without identifier' => self::invalid('customers', 'merge',
                ['primary' => ['cio_id' => 'a'], 'secondary' => ['name' => 'b']], 'Secondary user id, email or cio_id is required!', 'POST'),

            'devices add: no user' => self::invalid('customers->devices', 'add',
                ['email' => 'a@x.io', 'device' => ['id' => 't', 'platform' => 'ios']], 'User id is required!', 'PUT'),
            'devices add: no device' => self::invalid('customers->devices', 'add', ['id' => 'u1'], 'Device id is required!', 'PUT'),
            'devices add: no device id' => self::invalid('customers->devices', 'add',
                ['id' => 'u1', 'device' => ['platform' => 'ios']], 'Device id is required!', 'PUT'),
            'devices add: no platform' => self::invalid('customers->devices', 'add',
                ['id' => 'u1', 'device' => ['id' => 't']], 'Device platform is required!', 'PUT'),
            'devices update: no user' => self::invalid('customers->devices', 'update', [], 'User id is required!', 'PUT'),
            'devices update: no platform' => self::invalid('customers->devices', 'update',
                ['id' => 'u1', 'device' => ['id' => 't', 'platform' => null]], 'Device platform is required!', 'PUT'),
            'devices delete: no user' => self::invalid('customers->devices', 'delete', ['device_id' => 't'],
                'User id is required!', 'DELETE'),
            'devices delete: no device' => self::invalid('customers->devices', 'delete', ['id' => 'u1'],
                'Device id is required!', 'DELETE'),

            'events anonymous' => self::invalid('events', 'anonymous', ['data' => []], 'Name is required!', 'POST'),
            'page view: nothing' => self::invalid('page', 'view', [], 'User id is required!', 'POST'),
            'page view: url but no id' => self::invalid('page', 'view', ['url' => '/x'], 'User id is required!', 'POST'),
            'page view: no url' => self::invalid('page', 'view', ['id' => 'u1'], 'URL is required!', 'POST'),

            'segments create' => self::invalid('segments', 'create', ['description' => 'd'], 'Segments name is required!', 'POST'),
            'segments get' => self::invalid('segments', 'get', [], 'Segments id is required!', 'GET'),
            'segments usedBy' => self::invalid('segments', 'usedBy', [], 'Segments id is required!', 'GET'),
            'segments customerCount' => self::invalid('segments', 'customerCount', [], 'Segments id is required!', 'GET'),
            'segments membership' => self::invalid('segments', 'membership', [], 'Segments id is required!', 'GET'),
            'segments delete' => self::invalid('segments', 'delete', [], 'Segments id is required!', 'DELETE'),
            'segments addCustomers: no id' => self::invalid('segments', 'addCustomers', ['ids' => ['u1']],
                'Segments id is required!', 'POST'),
            'segments addCustomers: no ids' => self::invalid('segments', 'addCustomers', ['id' => 7],
                'Customer ids are required!', 'POST'),
            'segments addCustomers: ids not an array' => self::invalid('segments', 'addCustomers', ['id' => 7, 'ids' => 'u1'],
                'Customer ids are required!', 'POST'),
            'segments removeCustomers: no id' => self::invalid('segments', 'removeCustomers', [],
                'Segments id is required!', 'POST'),
            'segments removeCustomers: ids not an array' => self::invalid('segments', 'removeCustomers',
                ['id' => 7, 'ids' => 5], 'Customer ids are required!', 'POST'),

            'send email: nothing' => self::invalid('send', 'email', [], "Email body is required $email", 'POST'),
            'send email: identifiers and to but no body' => self::invalid('send', 'email',
                ['identifiers' => $ids, 'to' => 'a@x.io', 'subject' => 's', 'from' => 'f@x.io'],
                "Email body is required $email", 'POST'),
            'send email: no subject' => self::invalid('send', 'email', ['body' => 'b', 'from' => 'f@x.io'],
                "Email subject is required $email", 'POST'),
            'send email: no from' => self::invalid('send', 'email', ['body' => 'b', 'subject' => 's'],
                "Email from is required $email", 'POST'),
            'send email: no identifiers (inline)' => self::invalid('send', 'email',
                ['body' => 'b', 'subject' => 's', 'from' => 'f@x.io', 'to' => 'a@x.io'], 'Email identifiers is required!', 'POST'),
            'send email: no to (inline)' => self::invalid('send', 'email',
                ['body' => 'b', 'subject' => 's', 'from' => 'f@x.io', 'identifiers' => $ids], 'Email to is required!', 'POST'),
            'send email: template, no identifiers' => self::invalid('send', 'email',
                ['transactional_message_id' => 1, 'to' => 'a@x.io'], 'Email identifiers is required!', 'POST'),
            'send email: template, no to' => self::invalid('send', 'email',
                ['transactional_message_id' => 1, 'identifiers' => $ids], 'Email to is required!', 'POST'),
            'send sms: nothing' => self::invalid('send', 'sms', ['identifiers' => $ids, 'to' => '+1'],
                'SMS transactional_message_id is required!', 'POST'),
            'send sms: no identifiers' => self::invalid('send', 'sms', ['transactional_message_id' => 1, 'to' => '+1'],
                'SMS identifiers is required!', 'POST'),
            'send sms: no to' => self::invalid('send', 'sms', ['transactional_message_id' => 1, 'identifiers' => $ids],
                'SMS to is required!', 'POST'),

            'campaigns get' => self::invalid('campaigns', 'get', [], 'Campaign id is required!', 'GET'),
            'campaigns metrics' => self::invalid('campaigns', 'metrics', ['trigger_id' => 2], 'Campaign id is required!', 'GET'),
            'campaigns triggers' => self::invalid('campaigns', 'triggers', [], 'Campaign id is required!', 'GET'),
            'campaigns trigger' => self::invalid('campaigns', 'trigger', ['data' => []], 'Campaign id is required!', 'POST'),
            'campaigns messages' => self::invalid('campaigns', 'messages', [], 'Campaign id is required!', 'GET'),
            'campaigns actions' => self::invalid('campaigns', 'actions', [], 'Campaign id is required!', 'GET'),
            'campaigns getAction: no id' => self::invalid('campaigns', 'getAction', ['action_id' => 9],
                'Campaign id is required!', 'GET'),
            'campaigns getAction: no action id' => self::invalid('campaigns', 'getAction', ['id' => 5],
                'Action id is required!', 'GET'),
            'campaigns getActionMetrics: no id' => self::invalid('campaigns', 'getActionMetrics', [],
                'Campaign id is required!', 'GET'),
            'campaigns getActionMetrics: no action id' => self::invalid('campaigns', 'getActionMetrics', ['id' => 5],
                'Action id is required!', 'GET'),

            'collection get' => self::invalid('collection', 'get', ['collection_id' => 3], 'Collection id is required!', 'GET'),
            'collection create: nothing' => self::invalid('collection', 'create', [], 'Collection name is required!', 'POST'),
            'collection create: data but no name' => self::invalid('collection', 'create', ['data' => [['a' => 1]]],
                'Collection name is required!', 'POST'),
            'collection create: no data nor url' => self::invalid('collection', 'create', ['name' => 'n'],
                'Collection data or url is required!', 'POST'),
            'collection delete' => self::invalid('collection', 'delete', ['id' => 3],
                'Collection collection_id is required!', 'POST'),
            'collection update' => self::invalid('collection', 'update', ['name' => 'n'],
                'Collection collection_id is required!', 'POST'),
            'collection content' => self::invalid('collection', 'content', [],
                'Collection collection_id is required!', 'POST'),
            'collection updateContent: nothing' => self::invalid('collection', 'updateContent', ['data' => [['a' => 1]]],
                'Collection collection_id is required!', 'POST'),
            'collection updateContent: no data' => self::invalid('collection', 'updateContent', ['collection_id' => 3],
                'Collection data is required!', 'POST'),

            'exports get' => self::invalid('exports', 'get', [], 'Exports id is required!', 'GET'),
            'exports download' => self::invalid('exports', 'download', [], 'Exports id is required!', 'GET'),
            'messageTemplates get' => self::invalid('messageTemplates', 'get', [], 'Message Template id is required!', 'GET'),
            'messageTemplates metrics' => self::invalid('messageTemplates', 'metrics', [],
                'Message Template id is required!', 'GET'),
            'messages get' => self::invalid('messages', 'get', [], 'Message id is required!', 'GET'),
            'newsletters get' => self::invalid('newsletters', 'get', [], 'Newsletter id is required!', 'GET'),
            'newsletters metrics' => self::invalid('newsletters', 'metrics', [], 'Newsletter id is required!', 'GET'),
            'newsletters messages' => self::invalid('newsletters', 'messages', [], 'Newsletter id is required!', 'GET'),
            'senderIdentities get' => self::invalid('senderIdentities', 'get', [],
                'The unique id of the sender identity is required!', 'GET'),
            'senderIdentities usedBy' => self::invalid('senderIdentities', 'usedBy', [],
                'The unique id of the sender identity is required!', 'GET'),
        ];
    }

    /** @dataProvider invalidCalls */
    #[\PHPUnit\Framework\Attributes\DataProvider('invalidCalls')]
    public function testValidationThrowsNativeRequestExceptionAndSendsNothing(string $endpoint, string $method,
        array $options, string $message, string $sdkMethod): void
    {
        $client = $this->appClient();

        $e = $this->catchThrowable(fn () => self::endpoint($client, $endpoint)->$method($options));
        $this->assertSame($sdkMethod, $e->getMethod(), 'the method the SDK named');

        $this->assertExactClass(\Customerio\Exception\RequestException::class, $e);
        $this->assertInstanceOf(\Customerio\Exception\CustomerioException::class, $e);
        $this->assertSame($message, $e->getMessage());
        $this->assertSame(0, $e->getCode());
        $this->assertNothingSent();
    }

    /** @dataProvider invalidCalls */
    #[\PHPUnit\Framework\Attributes\DataProvider('invalidCalls')]
    public function testValidationThrowsGuzzleRequestExceptionWithTheSdkMethod(string $endpoint, string $method,
        array $options, string $message, string $sdkMethod): void
    {
        self::loadGuzzle();
        ini_set('customerio.exceptions', 'guzzle');
        $client = $this->appClient();

        $e = $this->catchThrowable(fn () => self::endpoint($client, $endpoint)->$method($options));

        $this->assertExactClass(\GuzzleHttp\Exception\RequestException::class, $e);
        $this->assertInstanceOf(\GuzzleHttp\Exception\GuzzleException::class, $e);
        $this->assertSame($message, $e->getMessage());
        $this->assertSame(0, $e->getCode());
        $this->assertSame($sdkMethod, $e->getRequest()->getMethod());
        $this->assertSame('/', (string) $e->getRequest()->getUri());
        $this->assertFalse(self::hasResponse($e));
        $this->assertNothingSent();
    }

    public function testValidationComesBeforeTheAppKeyCheck(): void
    {
        $client = $this->client(); // no App API key

        $e = $this->catchThrowable(fn () => $client->send->email(['to' => 'a@x.io']));
        $this->assertExactClass(\Customerio\Exception\RequestException::class, $e);
        $this->assertSame('Email body is required if transactional_message_id is missing!', $e->getMessage());

        $e = $this->catchThrowable(fn () => $client->segments->get([]));
        $this->assertSame('Segments id is required!', $e->getMessage());
        $this->assertNothingSent();
    }

    public function testAppApiCallWithoutAppKeyThrowsAndSendsNothing(): void
    {
        $client = $this->client();

        $e = $this->catchThrowable(fn () => $client->segments->get(['id' => 7]));

        $this->assertInstanceOf(\InvalidArgumentException::class, $e);
        $this->assertSame('App API Key not set!', $e->getMessage());
        $this->assertNothingSent();
    }

    // ---------------------------------------------------------------- ids in paths

    public static function encodedIds(): array
    {
        return [
            'space' => ['a b', 'a%20b'],
            'plus' => ['x+y', 'x+y'],
            'slash' => ['a/b', 'a%2Fb'],
            'question mark' => ['what?', 'what%3F'],
            'hash' => ['#tag', '%23tag'],
            'at' => ['e@x.io', 'e@x.io'],
            'percent' => ['100%', '100%25'],
            'ampersand and equals' => ['a&b=c', 'a&b=c'],
            'unicode' => ['zoë 東京', 'zo%C3%AB%20%E6%9D%B1%E4%BA%AC'],
            'unreserved kept' => ['A-z_0.9~', 'A-z_0.9~'],
            'plain string' => ['user_7', 'user_7'],
            'plain int' => [123, '123'],
            'zero' => [0, '0'],
            'zero string' => ['0', '0'],
        ];
    }

    /** @dataProvider encodedIds */
    #[\PHPUnit\Framework\Attributes\DataProvider('encodedIds')]
    public function testPathIdsArePercentEncodedAsOneSegment($id, string $encoded): void
    {
        $client = $this->appClient();
        $client->customers->add(['id' => $id, 'plan' => 'pro']);
        $client->customers->event(['email' => $id, 'name' => 'x']);
        $client->customers->suppress(['cio_id' => 'c', 'id' => $id]);
        $client->segments->get(['id' => $id]);
        $client->campaigns->getAction(['id' => 5, 'action_id' => $id]);
        $client->customers->devices->delete(['id' => $id, 'device_id' => $id]);
        $client->messages->get(['id' => $id]);

        $paths = array_column($this->requests(), 'path');
        $this->assertSame([
            "/api/v1/customers/$encoded",
            "/api/v1/customers/$encoded/events",
            '/api/v1/customers/cio_c/suppress',
            "/v1/segments/$encoded",
            "/v1/campaigns/5/actions/$encoded",
            "/api/v1/customers/$encoded/devices/$encoded",
            "/v1/messages/$encoded",
        ], $paths);
        foreach ($this->requests() as $req) {
            $this->assertSame('', $req['query'], 'an id must never leak into the query string');
        }
    }

    public function testCioIdIsEncodedAfterThePrefix(): void
    {
        $this->appClient()->customers->add(['cio_id' => 'a/b c']);

        $this->assertSame('/api/v1/customers/cio_a%2Fb%20c', $this->single()['path']);
    }

    public function testTriggerIdIsEncodedToo(): void
    {
        $this->appClient()->campaigns->metrics(['id' => 'c 1', 'trigger_id' => 't/2']);

        $this->assertSame('/v1/campaigns/c%201/triggers/t%2F2/metrics', $this->single()['path']);
    }

    public static function emptyIds(): array
    {
        return [
            'customers add id' => ['customers', 'add', ['id' => '']],
            'customers event email' => ['customers', 'event', ['email' => '', 'name' => 'x']],
            'customers attributes id' => ['customers', 'attributes', ['id' => '']],
            'devices delete device_id' => ['customers->devices', 'delete', ['id' => 'u1', 'device_id' => '']],
            'page view id' => ['page', 'view', ['id' => '', 'url' => '/x']],
            'segments get id' => ['segments', 'get', ['id' => '']],
            'campaigns getAction action_id' => ['campaigns', 'getAction', ['id' => 5, 'action_id' => '']],
            'exports download id' => ['exports', 'download', ['id' => '']],
            'senderIdentities get id' => ['senderIdentities', 'get', ['id' => '']],
        ];
    }

    /** @dataProvider emptyIds */
    #[\PHPUnit\Framework\Attributes\DataProvider('emptyIds')]
    public function testEmptyIdThrowsInvalidArgumentAndSendsNothing(string $endpoint, string $method, array $options): void
    {
        $client = $this->appClient();

        $e = $this->catchThrowable(fn () => self::endpoint($client, $endpoint)->$method($options));

        $this->assertExactClass(\Customerio\Exception\InvalidArgumentException::class, $e);
        $this->assertStringContainsString('must not be empty', $e->getMessage());
        $this->assertNothingSent();
    }

    public static function arrayIds(): array
    {
        return [
            'customers add id' => ['customers', 'add', ['id' => ['u1']]],
            'customers event email' => ['customers', 'event', ['email' => ['a@x.io'], 'name' => 'x']],
            'devices delete device_id' => ['customers->devices', 'delete', ['id' => 'u1', 'device_id' => ['t']]],
            'segments get id' => ['segments', 'get', ['id' => [7]]],
            'newsletters metrics id' => ['newsletters', 'metrics', ['id' => []]],
        ];
    }

    /** @dataProvider arrayIds */
    #[\PHPUnit\Framework\Attributes\DataProvider('arrayIds')]
    public function testArrayIdThrowsTypeErrorAndSendsNothing(string $endpoint, string $method, array $options): void
    {
        $client = $this->appClient();

        $e = $this->catchThrowable(fn () => self::endpoint($client, $endpoint)->$method($options));

        $this->assertInstanceOf(\TypeError::class, $e);
        $this->assertNothingSent();
    }

    // ---------------------------------------------------------------- getters and properties

    public static function getters(): array
    {
        return [
            'events' => ['events', \Customerio\Endpoint\Events::class],
            'customers' => ['customers', \Customerio\Endpoint\Customers::class],
            'page' => ['page', \Customerio\Endpoint\Page::class],
            'campaigns' => ['campaigns', \Customerio\Endpoint\Campaigns::class],
            'messages' => ['messages', \Customerio\Endpoint\Messages::class],
            'messageTemplates' => ['messageTemplates', \Customerio\Endpoint\MessageTemplates::class],
            'newsletters' => ['newsletters', \Customerio\Endpoint\Newsletters::class],
            'segments' => ['segments', \Customerio\Endpoint\Segments::class],
            'exports' => ['exports', \Customerio\Endpoint\Exports::class],
            'activities' => ['activities', \Customerio\Endpoint\Activities::class],
            'senderIdentities' => ['senderIdentities', \Customerio\Endpoint\SenderIdentities::class],
            'send' => ['send', \Customerio\Endpoint\Send::class],
            'collection' => ['collection', \Customerio\Endpoint\Collections::class],
            'track' => ['track', \Customerio\Endpoint\Track::class],
        ];
    }

    /** @dataProvider getters */
    #[\PHPUnit\Framework\Attributes\DataProvider('getters')]
    public function testGetterReturnsThePropertyObject(string $name, string $class): void
    {
        $client = $this->client();

        $fromGetter = $client->$name();
        $fromProperty = $client->$name;

        $this->assertSame($class, get_class($fromProperty));
        $this->assertSame($fromProperty, $fromGetter);
        $this->assertSame($fromGetter, $client->$name(), 'the getter returns the same object every time');
        $this->assertSame($fromProperty, $client->$name, 'the property is the same object every time');
        $this->assertTrue(isset($client->$name));
        $this->assertInstanceOf(\Customerio\Endpoint\Base::class, $fromGetter);
        $this->assertNotSame($fromProperty, $this->client()->$name, 'each client has its own endpoints');
    }

    public function testDevicesIsASubEndpointOfCustomers(): void
    {
        $client = $this->client();

        $customers = $client->customers; // endpoints are shared while in use (README "Migrating")
        $devices = $client->customers->devices;

        $this->assertSame(\Customerio\Endpoint\Customers\Devices::class, get_class($devices));
        $this->assertInstanceOf(\Customerio\Endpoint\Base::class, $devices);
        $this->assertSame($devices, $customers->devices);
        $this->assertSame($devices, $client->customers()->devices);
        $this->assertTrue(isset($client->customers->devices));
    }

    public function testIssetTrack(): void
    {
        $client = $this->client();

        $this->assertTrue(isset($client->track));
        $this->assertTrue(isset($client->collection));
    }

    /**
     * Runs in a fresh process: a crash there fails this test instead of killing the whole PHPUnit run.
     * $client->track = <own object>, then both the property and the getter return that object.
     */
    public function testAssignedTrackObjectIsReturnedByPropertyAndGetter(): void
    {
        $out = $this->runPhp(<<<'PHP'
            $client = new Customerio\Client('k', 's', ['track_url' => $argv[1], 'api_url' => $argv[1]]);
            $mine = new class ($client) extends Customerio\Endpoint\Track {
            };
            $client->track = $mine;
            echo var_export($client->track === $mine, true), "\n";
            $fromGetter = $client->track();
            echo var_export($fromGetter === $mine, true), "\n";
            echo var_export($client->track() === $mine, true), "\n";
            unset($fromGetter, $mine);
            echo get_parent_class($client->track()), "\n";
            echo "done\n";
            PHP);

        $this->assertSame("true\ntrue\ntrue\nCustomerio\\Endpoint\\Track\ndone\n", $out);
    }

    /** Also in a fresh process: an endpoint replaced by the user's own object is the one that gets called. */
    public function testAssignedEndpointIsUsedByTheGetter(): void
    {
        $out = $this->runPhp(<<<'PHP'
            $client = new Customerio\Client('k', 's', ['track_url' => $argv[1], 'api_url' => $argv[1]]);
            $client->setAppAPIKey('app');
            $original = $client->segments;
            $client->segments = new class ($client) extends Customerio\Endpoint\Segments {
                public function get(array $options)
                {
                    return 'mine';
                }
            };
            echo var_export($client->segments() !== $original, true), "\n";
            echo $client->segments()->get(['id' => 1]), "\n";
            echo $client->segments->get(['id' => 1]), "\n";
            echo "done\n";
            PHP);

        $this->assertSame("true\nmine\nmine\ndone\n", $out);
        $this->assertNothingSent();
    }

    public function testEndpointsWorkThroughTheGetters(): void
    {
        $client = $this->appClient();

        $client->customers()->devices->delete(['id' => 'u1', 'device_id' => 'd1']);
        $client->collection()->get(['id' => 2]);

        $this->assertSame(['/api/v1/customers/u1/devices/d1', '/v1/collections/2'], array_column($this->requests(), 'path'));
    }
}
