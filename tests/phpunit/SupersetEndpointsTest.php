<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Client;

/**
 * What the official Customer.io SDKs send and printu/customerio could not (issue 11): transactional push, inbox,
 * in-app and WhatsApp messages, email attachments, push and delivery metrics, the account region and
 * 'region' => 'auto', Track v2's single-object cio_relationships. Each: method, path, auth and body at the
 * stand-in, and every validation message.
 */
final class SupersetEndpointsTest extends TestCase
{
    public static function calls(): array
    {
        $ids = ['id' => 'u1'];
        return [
            'send push' => ['send', 'push', ['transactional_message_id' => 7, 'identifiers' => $ids, 'title' => 'Hi',
                'custom_data' => ['k' => 'v']], '/v1/send/push', 'bearer'],
            'send inbox message' => ['send', 'inboxMessage', ['transactional_message_id' => 'welcome',
                'identifiers' => ['email' => 'ann@example.com'], 'message_data' => ['n' => 1]], '/v1/send/inbox_message', 'bearer'],
            'send in-app' => ['send', 'inApp', ['transactional_message_id' => 8, 'identifiers' => ['cio_id' => 'c1']],
                '/v1/send/in_app', 'bearer'],
            'send whatsapp' => ['send', 'whatsapp', ['transactional_message_id' => 9, 'identifiers' => $ids,
                'to' => '+15551234567', 'language' => 'en'], '/v1/send/whatsapp', 'bearer'],
            'events push' => ['events', 'push', ['delivery_id' => 'dlv-1', 'device_id' => 'tok-1', 'event' => 'opened',
                'timestamp' => 1700000000], '/push/events', 'basic'],
            'events metric' => ['events', 'metric', ['delivery_id' => 'dlv-1', 'metric' => 'clicked',
                'href' => 'https://example.com/a', 'timestamp' => 1700000000], '/api/v1/metrics', 'basic'],
        ];
    }

    /**
     * @dataProvider calls
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('calls')]
    public function testNewEndpointReachesTheStandIn(string $endpoint, string $method, array $options, string $path,
        string $auth): void
    {
        self::server()->respond(200, '{"delivery_id":"d1"}');

        $result = $this->appClient()->$endpoint->$method($options);

        $req = $this->single();
        $this->assertSame('POST', $req['method']);
        $this->assertSame($path, $req['path']);
        $this->assertSame('', $req['query']);
        $this->assertSame($auth === 'bearer' ? 'Bearer ' . self::APP_KEY : $this->basicAuth(),
            $req['headers']['authorization'] ?? null);
        $this->assertSame('application/json', $req['headers']['content-type'] ?? null);
        $this->assertSame($options, $req['json']);
        $this->assertEquals((object) ['delivery_id' => 'd1'], $result);
    }

    /**
     * @dataProvider calls
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('calls')]
    public function testNewEndpointGoesThroughAnInjectedGuzzleClient(string $endpoint, string $method, array $options,
        string $path, string $auth): void
    {
        self::loadGuzzle();
        $client = $this->appClient();
        $client->setClient(new \GuzzleHttp\Client());

        $client->$endpoint->$method($options);

        $req = $this->single();
        $this->assertSame($path, $req['path']);
        $this->assertSame($auth === 'bearer' ? 'Bearer ' . self::APP_KEY : $this->basicAuth(),
            $req['headers']['authorization'] ?? null);
        $this->assertSame($options, $req['json']);
    }

    public function testEuRegionHosts(): void
    {
        self::loadGuzzle();
        $history = [];
        $stack = \GuzzleHttp\HandlerStack::create(new \GuzzleHttp\Handler\MockHandler(array_fill(0, 4,
            new \GuzzleHttp\Psr7\Response(200, [], '{}'))));
        $stack->push(\GuzzleHttp\Middleware::history($history));
        $client = new Client(self::API_KEY, self::SITE_ID, ['region' => 'eu']);
        $client->setAppAPIKey(self::APP_KEY);
        $client->setClient(new \GuzzleHttp\Client(['handler' => $stack]));

        $client->send->push(['transactional_message_id' => 1, 'identifiers' => ['id' => 'u']]);
        $client->events->push(['delivery_id' => 'd', 'device_id' => 't', 'event' => 'delivered']);
        $client->events->metric(['delivery_id' => 'd', 'metric' => 'opened']);
        $client->getAccountRegion();

        $this->assertSame([
            'POST https://api-eu.customer.io/v1/send/push',
            'POST https://track-eu.customer.io/push/events',
            'POST https://track-eu.customer.io/api/v1/metrics',
            'GET https://track-eu.customer.io/api/v1/accounts/region',
        ], array_map(fn ($h) => $h['request']->getMethod() . ' ' . $h['request']->getUri(), $history));
    }

    public static function invalidCalls(): array
    {
        $ids = ['identifiers' => ['id' => 'u1']];
        $tx = ['transactional_message_id' => 3];
        $rows = [];
        foreach (['push' => 'Push', 'inboxMessage' => 'Inbox message', 'inApp' => 'In-app message',
                'whatsapp' => 'WhatsApp'] as $method => $what) {
            $rows["send $method without template"] = ['send', $method, $ids, "$what transactional_message_id is required!"];
            $rows["send $method without identifiers"] = ['send', $method, $tx, "$what identifiers is required!"];
            $rows["send $method with null identifiers"] = ['send', $method, $tx + ['identifiers' => null],
                "$what identifiers is required!"];
        }
        $push = ['delivery_id' => 'd', 'device_id' => 't', 'event' => 'opened'];
        $rows['events push without delivery_id'] = ['events', 'push', array_diff_key($push, ['delivery_id' => 1]),
            'Delivery id is required!'];
        $rows['events push without device_id'] = ['events', 'push', array_diff_key($push, ['device_id' => 1]),
            'Device id is required!'];
        $rows['events push without event'] = ['events', 'push', array_diff_key($push, ['event' => 1]),
            'Push event is required!'];
        $rows['events push with another event'] = ['events', 'push', ['event' => 'clicked'] + $push,
            'Push event must be one of opened, converted, delivered!'];
        $rows['events push with an upper-case event'] = ['events', 'push', ['event' => 'Opened'] + $push,
            'Push event must be one of opened, converted, delivered!'];
        $rows['events metric without delivery_id'] = ['events', 'metric', ['metric' => 'opened'], 'Delivery id is required!'];
        $rows['events metric without metric'] = ['events', 'metric', ['delivery_id' => 'd'], 'Metric is required!'];
        $rows['events metric with an unknown metric'] = ['events', 'metric', ['delivery_id' => 'd', 'metric' => 'read'],
            'Metric must be one of bounced, clicked, converted, deferred, delivered, dropped, opened, spammed!'];
        $rows['events metric with a non-string metric'] = ['events', 'metric', ['delivery_id' => 'd', 'metric' => 1],
            'Metric must be one of bounced, clicked, converted, deferred, delivered, dropped, opened, spammed!'];
        return $rows;
    }

    /**
     * @dataProvider invalidCalls
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('invalidCalls')]
    public function testValidationMessageAndNothingSent(string $endpoint, string $method, array $options,
        string $message): void
    {
        $client = $this->appClient();

        $e = $this->catchThrowable(fn () => $client->$endpoint->$method($options));

        $this->assertExactClass(\Customerio\Exception\RequestException::class, $e);
        $this->assertSame($message, $e->getMessage());
        $this->assertNothingSent();
    }

    /**
     * @dataProvider invalidCalls
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('invalidCalls')]
    public function testValidationInGuzzleMode(string $endpoint, string $method, array $options, string $message): void
    {
        self::loadGuzzle();
        ini_set('customerio.exceptions', 'guzzle');
        $client = $this->appClient();

        $e = $this->catchThrowable(fn () => $client->$endpoint->$method($options));

        $this->assertExactClass(\GuzzleHttp\Exception\RequestException::class, $e);
        $this->assertSame($message, $e->getMessage());
        $this->assertSame('POST', $e->getRequest()->getMethod());
        $this->assertNothingSent();
    }

    public function testEveryPushEventAndMetricCustomerIoNamesIsAccepted(): void
    {
        $client = $this->client();
        foreach (['opened', 'converted', 'delivered'] as $event) {
            $client->events->push(['delivery_id' => 'd', 'device_id' => 't', 'event' => $event]);
        }
        foreach (['bounced', 'clicked', 'converted', 'deferred', 'delivered', 'dropped', 'opened', 'spammed'] as $metric) {
            $client->events->metric(['delivery_id' => 'd', 'metric' => $metric]);
        }
        $this->assertCount(11, $this->requests());
    }

    // ---------------------------------------------------------------- attachments

    private static function email(array $extra): array
    {
        return ['transactional_message_id' => 5, 'to' => 'ann@example.com', 'identifiers' => ['id' => 'u1']] + $extra;
    }

    public function testAttachIsSentBase64EncodedNextToPreEncodedAttachments(): void
    {
        $pdf = "%PDF-1.4\x00\xff\xfe binary";
        $this->appClient()->send->email(self::email([
            'attach' => ['invoice.pdf' => $pdf, 'notes.txt' => ''],
            'attachments' => ['terms.txt' => base64_encode('terms')],
        ]));

        $req = $this->single();
        $this->assertSame('/v1/send/email', $req['path']);
        $this->assertArrayNotHasKey('attach', $req['json']);
        $this->assertSame([
            'terms.txt' => base64_encode('terms'),
            'invoice.pdf' => base64_encode($pdf),
            'notes.txt' => '',
        ], $req['json']['attachments']);
    }

    public function testPreEncodedAttachmentsAloneArePassedThrough(): void
    {
        $options = self::email(['attachments' => ['a.txt' => 'not even base64: the caller owns it']]);
        $this->appClient()->send->email($options);

        $this->assertSame($options, $this->single()['json']);
    }

    public function testAnAttachmentNamedTwiceIsRefused(): void
    {
        $e = $this->catchThrowable(fn () => $this->appClient()->send->email(self::email([
            'attach' => ['a.txt' => 'x'], 'attachments' => ['a.txt' => 'eA=='],
        ])));

        $this->assertExactClass(\Customerio\Exception\InvalidArgumentException::class, $e);
        $this->assertSame('Attachment a.txt already exists!', $e->getMessage());
        $this->assertNothingSent();
    }

    public function testAttachmentsAtCustomerIosLimitAreRefusedBeforeSending(): void
    {
        $client = $this->appClient();
        // 2 MiB of base64 in all is refused: Customer.io wants less than 2 MB in total
        $e = $this->catchThrowable(fn () => $client->send->email(self::email([
            'attach' => ['a.bin' => str_repeat('a', 3000)],
            'attachments' => ['b.txt' => str_repeat('A', 2 * 1024 * 1024 - 4000)],
        ])));
        $this->assertExactClass(\Customerio\Exception\InvalidArgumentException::class, $e);
        $this->assertSame('Email attachments are 2097152 bytes base64-encoded; Customer.io accepts less than 2 MB '
            . '(2097152 bytes) in total', $e->getMessage());
        $this->assertNothingSent();

        // one byte less goes out
        $client->send->email(self::email(['attachments' => ['b.txt' => str_repeat('A', 2 * 1024 * 1024 - 1)]]));
        $this->assertCount(1, $this->requests());
    }

    public function testAttachmentOverTheLimitIsAGuzzleInvalidArgumentExceptionInGuzzleMode(): void
    {
        self::loadGuzzle();
        ini_set('customerio.exceptions', 'guzzle');

        $e = $this->catchThrowable(fn () => $this->appClient()->send->email(self::email([
            'attach' => ['big.bin' => str_repeat("\0", 1600000)],
        ])));

        $this->assertExactClass(\GuzzleHttp\Exception\InvalidArgumentException::class, $e);
        $this->assertStringStartsWith('Email attachments are 2133336 bytes base64-encoded', $e->getMessage());
        $this->assertNothingSent();
    }

    public function testAttachOfTheWrongShape(): void
    {
        $client = $this->appClient();
        $e = $this->catchThrowable(fn () => $client->send->email(self::email(['attach' => 'invoice.pdf'])));
        $this->assertInstanceOf(\TypeError::class, $e);
        $this->assertSame('Customerio\Endpoint\Send::email(): option "attach" must be of type array '
            . '(file name => contents), string given', $e->getMessage());

        $e = $this->catchThrowable(fn () => $client->send->email(self::email(['attach' => ['a.pdf' => ['x']]])));
        $this->assertInstanceOf(\TypeError::class, $e);
        $this->assertSame('Customerio\Endpoint\Send::email(): option "attach" must map file names to strings '
            . '(the raw contents), array given', $e->getMessage());
        $this->assertNothingSent();
    }

    public function testEmailValidationStillComesFirst(): void
    {
        $e = $this->catchThrowable(fn () => $this->appClient()->send->email(['attach' => ['a' => 'b']]));

        $this->assertSame('Email body is required if transactional_message_id is missing!', $e->getMessage());
        $this->assertNothingSent();
    }

    // ---------------------------------------------------------------- account region

    public function testGetAccountRegion(): void
    {
        self::server()->respond(200, '{"url":"https://track-eu.customer.io","region":"eu","environment_id":12}');

        $answer = $this->appClient()->getAccountRegion();

        $this->assertEquals((object) ['url' => 'https://track-eu.customer.io', 'region' => 'eu', 'environment_id' => 12],
            $answer);
        $req = $this->single();
        $this->assertSame('GET', $req['method']);
        $this->assertSame('/api/v1/accounts/region', $req['path']);
        $this->assertSame($this->basicAuth(), $req['headers']['authorization'] ?? null);
        $this->assertSame('', $req['body']);
    }

    public function testRegionAutoAsksOncePerProcessAndSiteId(): void
    {
        // a process of its own: the cache outlives clients (and requests) for the life of the process
        $code = sprintf(<<<'PHP'
            $url = %s;
            $make = fn($site) => new Customerio\Client('key', $site, ['region' => 'auto', 'track_url' => $url, 'retries' => 0]);
            foreach (['site-eu', 'site-eu', 'site-us', 'site-eu', 'site-us'] as $site) {
                echo $site, ' ', get_class($make($site)->getRegion()), "\n";
            }
            PHP, var_export($this->url(), true));
        self::server()->respond(200, '{"url":"https://track-eu.customer.io","region":"eu","environment_id":1}');
        self::server()->respond(200, '{"url":"https://track.customer.io","region":"us","environment_id":2}');

        $out = $this->runPhp($code);

        $this->assertSame("site-eu Customerio\\Region\\RegionEu\nsite-eu Customerio\\Region\\RegionEu\n"
            . "site-us Customerio\\Region\\RegionUs\nsite-eu Customerio\\Region\\RegionEu\n"
            . "site-us Customerio\\Region\\RegionUs\n", $out);
        $requests = $this->requests();
        $this->assertSame(['GET /api/v1/accounts/region', 'GET /api/v1/accounts/region'],
            array_map(fn ($r) => $r['method'] . ' ' . $r['path'], $requests));
        $this->assertSame($this->basicAuth('site-eu', 'key'), $requests[0]['headers']['authorization']);
        $this->assertSame($this->basicAuth('site-us', 'key'), $requests[1]['headers']['authorization']);
    }

    /** A site id of its own per test: the cache lives as long as this PHPUnit process. */
    private function autoClient(string $site): Client
    {
        return new Client(self::API_KEY, $site, ['region' => 'auto', 'retries' => 0] + $this->serverOptions());
    }

    public function testRegionAutoThatCannotAskWarnsUsesUsAndAsksAgain(): void
    {
        $site = 'site-' . __FUNCTION__;
        self::server()->respond(500, '{"meta":{"error":"down"}}');
        self::server()->respond(200, '{"url":"x","region":"mars"}');
        self::server()->respond(200, '{"region":"eu"}');
        $warnings = [];
        set_error_handler(function (int $no, string $message) use (&$warnings) {
            $warnings[] = $message;
            return true;
        }, E_WARNING);
        try {
            $regions = [];
            for ($i = 0; $i < 4; $i++) {
                $regions[] = get_class($this->autoClient($site)->getRegion());
            }
        } finally {
            restore_error_handler();
        }

        $this->assertSame(['Customerio\Region\RegionUs', 'Customerio\Region\RegionUs', 'Customerio\Region\RegionEu',
            'Customerio\Region\RegionEu'], $regions);
        $this->assertCount(2, $warnings);
        $this->assertStringStartsWith('Customerio\Client::__construct(): region => auto: the account region lookup '
            . 'failed (', $warnings[0]);
        $this->assertStringContainsString('500', $warnings[0]);
        $this->assertStringEndsWith('); this client uses the US region', $warnings[0]);
        $this->assertSame("Customerio\\Client::__construct(): region => auto: Customer.io's answer names no region "
            . "'us' or 'eu'; this client uses the US region", $warnings[1]);
        $this->assertCount(3, $this->requests(), 'a failed lookup is not cached; the answer is');
        $this->assertStringNotContainsString(self::API_KEY, json_encode($warnings));
        foreach ($this->requests() as $request) {
            $this->assertSame('/api/v1/accounts/region', $request['path']);
            $this->assertSame($this->basicAuth($site), $request['headers']['authorization']);
        }
    }

    public function testRegionAutoWhoseWarningThrowsFailsTheConstructor(): void
    {
        self::server()->respond(503, '{}');
        set_error_handler(function (int $no, string $message) {
            throw new \ErrorException($message, 0, $no);
        }, E_WARNING);
        try {
            $e = $this->catchThrowable(fn () => $this->autoClient('site-' . __FUNCTION__));
        } finally {
            restore_error_handler();
        }
        $this->assertInstanceOf(\ErrorException::class, $e);
        $this->assertStringContainsString('region => auto', $e->getMessage());
    }

    // ---------------------------------------------------------------- Track v2 vocabulary

    public function testSingleCioRelationshipsObjectIsWrappedInAList(): void
    {
        $relationship = ['identifiers' => ['object_type_id' => '1', 'object_id' => 'acme'],
            'relationship_attributes' => ['role' => 'admin']];
        $op = ['type' => 'person', 'action' => 'add_relationships', 'identifiers' => ['id' => 'u1'],
            'cio_relationships' => $relationship];
        $listed = ['cio_relationships' => [$relationship]] + $op;
        $client = $this->client();

        $client->track->entity($op);
        $client->track->batch(['batch' => [$op, $listed, ['type' => 'person', 'action' => 'identify',
            'identifiers' => ['email' => 'a@b.c']]]]);
        $client->track->queue($op);
        $client->track->flush();

        [$entity, $batch, $queued] = $this->requests();
        $this->assertSame('/api/v2/entity', $entity['path']);
        $this->assertSame([$relationship], $entity['json']['cio_relationships']);
        $this->assertSame([$relationship], $batch['json']['batch'][0]['cio_relationships']);
        $this->assertSame([$relationship], $batch['json']['batch'][1]['cio_relationships'], 'a list stays as it is');
        $this->assertArrayNotHasKey('cio_relationships', $batch['json']['batch'][2]);
        $this->assertSame([$relationship], $queued['json']['batch'][0]['cio_relationships']);
        $this->assertSame($relationship, $op['cio_relationships'], "the caller's array is not changed");
    }

    public function testSingleCioRelationshipsObjectIsWrappedForASubclassToo(): void
    {
        $client = new class (self::API_KEY, self::SITE_ID, $this->serverOptions()) extends Client {
            public array $posted = [];
            public function post(string $endpoint, array $json)
            {
                $this->posted[] = [$endpoint, $json];
                return null;
            }
        };
        $relationship = ['identifiers' => ['object_type_id' => '1', 'object_id' => 'acme']];

        $client->track->entity(['type' => 'object', 'action' => 'add_relationships',
            'identifiers' => ['object_type_id' => '1', 'object_id' => 'acme'], 'cio_relationships' => $relationship]);

        $this->assertSame('entity', $client->posted[0][0]);
        $this->assertSame([$relationship], $client->posted[0][1]['cio_relationships']);
    }

    public function testTrackV2VocabularyGoesThroughUnchanged(): void
    {
        $ops = [
            ['type' => 'person', 'action' => 'identify', 'identifiers' => ['phone' => '+15551234567']],
            ['type' => 'person', 'action' => 'identify', 'identifiers' => ['cio_id' => 'c1'],
                'attributes' => ['_update' => true, 'plan' => 'pro']],
            ['type' => 'object', 'action' => 'identify_anonymous', 'identifiers' => ['object_type_id' => '1', 'object_id' => 'o'],
                'anonymous_id' => 'anon-1'],
            ['type' => 'object', 'action' => 'identify', 'identifiers' => ['cio_object_id' => 'obj-1']],
            ['type' => 'person', 'action' => 'add_device', 'identifiers' => ['id' => 'u1'],
                'device' => ['token' => 't', 'platform' => 'ios']],
            ['type' => 'person', 'action' => 'delete_device', 'identifiers' => ['id' => 'u1'], 'device' => ['token' => 't']],
            ['type' => 'person', 'action' => 'merge', 'primary' => ['email' => 'a@b.c'], 'secondary' => ['cio_id' => 'c9']],
            ['type' => 'person', 'action' => 'suppress', 'identifiers' => ['id' => 'u1']],
            ['type' => 'person', 'action' => 'unsuppress', 'identifiers' => ['id' => 'u1']],
            ['type' => 'person', 'action' => 'delete_relationships', 'identifiers' => ['id' => 'u1'],
                'cio_relationships' => [['identifiers' => ['object_type_id' => '1', 'object_id' => 'o']]]],
        ];
        $client = $this->client(['auto_event_id' => false]);
        foreach ($ops as $op) {
            $client->track->entity($op);
        }
        $this->assertSame($ops, array_column($this->requests(), 'json'));
    }

    public function testMergeNeedsNoIdentifiersButOtherActionsStillDo(): void
    {
        $merge = ['type' => 'person', 'action' => 'merge', 'primary' => ['id' => 'a'], 'secondary' => ['id' => 'b']];
        $client = $this->client();
        $client->track->queue($merge);
        $client->track->flush();
        $this->assertSame([$merge], $this->single()['json']['batch']);

        foreach (['identify', 'merged', 'MERGE'] as $action) {
            $e = $this->catchThrowable(fn () => $client->track->entity(['action' => $action] + $merge));
            $this->assertSame('Object identifiers is required!', $e->getMessage());
        }
    }
}
