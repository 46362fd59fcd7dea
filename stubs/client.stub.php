<?php

/** @generate-class-entries */

namespace Customerio;

/**
 * Customer.io client: a native drop-in for printu/customerio's Customerio\Client.
 *
 * Credentials and settings live inside the object (not in properties), so var_dump() and
 * print_r() never show the API keys. Not serializable: it holds credentials and live connections
 * (the SDK's Client could not be serialized either: its Guzzle client holds closures).
 * @not-serializable
 */
class Client
{
    /** @var Endpoint\Events Track v1 anonymous events, push and delivery metrics. */
    public $events;

    /** @var Endpoint\Customers People (Track v1, App API reads), with ->devices. */
    public $customers;

    /** @var Endpoint\Page Page views (Track v1). */
    public $page;

    /** @var Endpoint\Campaigns Campaigns (App API). */
    public $campaigns;

    /** @var Endpoint\Messages Messages (App API). */
    public $messages;

    /** @var Endpoint\MessageTemplates Message templates (App API). */
    public $messageTemplates;

    /** @var Endpoint\Newsletters Newsletters (App API). */
    public $newsletters;

    /** @var Endpoint\Segments Segments (Track v1 and App API). */
    public $segments;

    /** @var Endpoint\Exports Exports (App API). */
    public $exports;

    /** @var Endpoint\Activities Activities (App API). */
    public $activities;

    /** @var Endpoint\SenderIdentities Sender identities (App API). */
    public $senderIdentities;

    /** @var Endpoint\Send Transactional email, SMS, push, inbox, in-app and WhatsApp messages (App API). */
    public $send;

    /** @var Endpoint\Collections Collections (App API); the property name is singular, as in the SDK. */
    public $collection;

    /** @var Endpoint\Track Track API v2: entity() and batch(). */
    public $track;

    /**
     * @param string $apiKey Track API key (the key comes first, as in the PHP SDK).
     * @param string $siteId Site ID.
     * @param array $options region ('us' default; 'auto': asked once per worker process and site id with
     *     GET /api/v1/accounts/region, see getAccountRegion(); US with a warning when that lookup fails), track_url/api_url (scheme://host[:port] replacing Customer.io's hosts),
     *     verify (TLS verification, or a CA bundle path; default true), timeout (5 s) and connect_timeout (2 s),
     *     retries (2) and max_retry_time (10 s), auto_event_id (true: ULID ids for person events), max_entity_bytes
     *     (32768), max_batch_bytes (500000), max_response_bytes (8 MiB), max_concurrency (1: a split batch in
     *     order; more is unordered), on_error (called with what the background queue could not deliver, or what
     *     Customer.io rejected). Options override the customerio.* ini settings.
     * @throws \Customerio\Exception\InvalidArgumentException on an unknown option or an invalid value
     * @throws \TypeError on an option of the wrong type
     * @throws Region\InvalidRegionException on a region other than 'us', 'eu' or 'auto'
     */
    public function __construct(#[\SensitiveParameter] string $apiKey, #[\SensitiveParameter] string $siteId, array $options = []) {}

    /** The Track API v2 endpoint (same object as $track). */
    public function track(): Endpoint\Track {}

    public function events(): Endpoint\Events {}

    public function customers(): Endpoint\Customers {}

    public function page(): Endpoint\Page {}

    public function campaigns(): Endpoint\Campaigns {}

    public function messages(): Endpoint\Messages {}

    public function messageTemplates(): Endpoint\MessageTemplates {}

    public function newsletters(): Endpoint\Newsletters {}

    public function segments(): Endpoint\Segments {}

    public function exports(): Endpoint\Exports {}

    public function activities(): Endpoint\Activities {}

    public function senderIdentities(): Endpoint\SenderIdentities {}

    public function send(): Endpoint\Send {}

    public function collection(): Endpoint\Collections {}

    /**
     * Sends every later request through this Guzzle client (its handler stack, middleware and options),
     * with the auth, headers, JSON body, query and timeouts the SDK builds.
     */
    public function setClient(\GuzzleHttp\Client $client): void {}

    /**
     * The Guzzle client requests go through. Without one set, creates a default Guzzle client (as the SDK
     * does) and sends through it from then on; throws \Error when Guzzle is not installed.
     */
    public function getClient(): \GuzzleHttp\Client {}

    /** Sets the App API key sent as `Authorization: Bearer` to the App API. */
    public function setAppAPIKey(#[\SensitiveParameter] string $appKey): void {}

    public function setSiteId(string $siteId): void {}

    /** @throws Region\InvalidRegionException on anything but 'us' or 'eu' */
    public function setRegion(string $region): void {}

    public function getRegion(): Region\RegionInterface {}

    /**
     * The workspace's region, as Customer.io answers GET /api/v1/accounts/region on the Track host (Basic auth).
     * @return mixed the decoded answer: region ('us' or 'eu'), url (the Track host to use), environment_id
     * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
     */
    public function getAccountRegion() {}

    /** Decode responses as arrays (true) or stdClass objects (false, the default). */
    public function setAssocResponse(bool $assoc): void {}

    /** @return array{0: string, 1: string} [siteId, apiKey] */
    public function getAuth(): array {}

    /** @throws \InvalidArgumentException when no App API key is set */
    public function getToken(): string {}

    /**
     * GET from the App API; every param goes to the query string.
     * @return mixed the decoded body, or the raw body string when $params['raw'] is set
     */
    public function get(string $endpoint, array $params = []) {}

    /**
     * POST to Track v1, or to $json['endpoint'] when set; $json['query'] goes to the query string.
     * @return mixed the decoded body (null when empty or not JSON)
     */
    public function post(string $endpoint, array $json) {}

    /** @return mixed */
    public function put(string $endpoint, array $json) {}

    /** @return mixed */
    public function delete(string $endpoint, array $json) {}
}
