<?php

/** @generate-class-entries */

namespace Customerio\Endpoint {
    /**
     * Base of every endpoint: holds the client it sends through, and the SDK's public path helpers.
     * Path helpers join their prefix, the id (unless empty) and $extra with '/', as the SDK does.
     */
    class Base
    {
        /** @var \Customerio\Client|mixed the client (or a test double of it) */
        protected $client;

        /** @param \Customerio\Client|mixed $client */
        public function __construct(mixed $client) {}

        public function generatePath(mixed $prefix, mixed $id = null, array $extra = []): string {}

        /** "customers[/id][/extra...]" */
        public function customerPath(mixed $id = null, array $extra = []): string {}

        /** "campaigns[/id][/extra...]" */
        public function campaignPath(mixed $id = null, array $extra = []): string {}

        /** "messages[/id][/extra...]" */
        public function messagesPath(mixed $id = null, array $extra = []): string {}

        /** "msg_templates[/id][/extra...]" */
        public function messagesTemplatesPath(mixed $id = null, array $extra = []): string {}

        /** "newsletters[/id][/extra...]" */
        public function newslettersPath(mixed $id = null, array $extra = []): string {}

        /** "segments[/id][/extra...]" */
        public function segmentsPath(mixed $id = null, array $extra = []): string {}

        /** "exports[/id][/extra...]" */
        public function exportsPath(mixed $id = null, array $extra = []): string {}

        /** "activities[/id][/extra...]" */
        public function activitiesPath(mixed $id = null, array $extra = []): string {}

        /** "collections[/id][/extra...]" */
        public function collectionsPath(?int $id = null, array $extra = []): string {}

        /** "sender_identities[/id][/extra...]" */
        public function senderIdentitiesPath(mixed $id = null, array $extra = []): string {}

    }

    /** Track API v2: POST /api/v2/entity and /api/v2/batch. */
    class Track extends Base
    {
        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function entity(array $options) {}

        /**
         * Split into requests under max_batch_bytes, sent in order (one after the other) unless max_concurrency > 1.
         * @return mixed the decoded response (answers of a split batch merged, batch_index at the caller's indices)
         * @throws \Customerio\Exception\PartialBatchException when a split batch fails part-way: which operations
         *     were accepted, rejected (with the reasons), in the failed request, not sent
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function batch(array $options) {}

        /**
         * Validates the operation like entity(), gives it an id when it needs one, and buffers it. The buffer is
         * sent as split batches when it reaches max_batch_bytes, by flush(), and at the end of the request after
         * the response went to the web server (php-fpm). Failures then go to the error log, the spool
         * (customerio.spool_dir) and the on_error option; operations Customer.io rejected (207, or errors[]) go to
         * the rejected file beside the spool with the reasons; nothing is dropped silently. After the end-of-request
         * send is over, queue() warns and spools. A forked child does not send what its parent queued. In spool mode
         * (queue_mode) the operation is appended to the spool under customerio.spool_dir instead, for drain() to
         * send; a spool that cannot be written throws.
         */
        public function queue(array $operation): void {}

        /**
         * Sends the buffered operations now.
         * @return mixed the merged answer (null when nothing was queued); on failure the unsent operations stay queued
         */
        public function flush(): mixed {}

        /**
         * Sends again the operations spooled in $file (JSON lines, as written under customerio.spool_dir).
         * The file is removed once every operation was accepted; what could not be sent is spooled again (if that
         * write fails, the file is kept as $file.replaying.<pid> with a warning). Rejected operations go to the
         * rejected file beside $file. Respects open_basedir; reads under the writers' lock.
         * @return int the number of operations sent (0 when the file does not exist)
         */
        public function replay(string $file): int {}

        /**
         * Spool mode's sender: sends this workspace's spool (customerio.spool_dir) in batches up to max_batch_bytes,
         * in order, and removes what Customer.io accepted. Options: once (bool: return when the spool is empty),
         * idle_sleep (seconds), max_requests_per_second, max_backoff (seconds), timeout (seconds, 0: none),
         * on_batch (callable(array)).
         * Without once it runs until SIGTERM or SIGINT, finishing the request in flight.
         * @return array counters: sent, rejected, requests, failures, pending_bytes, files, oldest_age, stopped
         */
        public function drain(array $options = []): array {}

        /**
         * The health of this workspace's spool: path, pending_bytes, files, oldest_age (seconds, or null),
         * rejected (operations in the rejected file), rejected_path, sender_running.
         */
        public function spoolStatus(): array {}

    }

    /** See README "Endpoints" for each method's HTTP call and validation. */
    class Activities extends Base
    {
        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function search(array $options) {}

    }

    /** See README "Endpoints" for each method's HTTP call and validation. */
    class Campaigns extends Base
    {
        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function search(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function get(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function metrics(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function triggers(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function trigger(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function messages(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function actions(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function getAction(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function getActionMetrics(array $options) {}

    }

    /** See README "Endpoints" for each method's HTTP call and validation. */
    class Collections extends Base
    {
        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function search(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function get(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function create(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function delete(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function update(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function content(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function updateContent(array $options) {}

    }

    /** See README "Endpoints" for each method's HTTP call and validation. */
    class Customers extends Base
    {
        /** @var Customers\Devices */
        public $devices;

        public function __construct(mixed $client) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function event(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function add(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function delete(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function update(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function get(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function search(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function attributes(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function segments(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function messages(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function activities(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function suppress(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function unsuppress(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function merge(array $options) {}

    }

    /** See README "Endpoints" for each method's HTTP call and validation. */
    class Events extends Base
    {
        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function anonymous(array $options) {}

        /**
         * Reports a device-side push metric: POST /push/events on the Track host (Basic auth), as
         * customerio-node's trackPush(). Customer.io marks this endpoint deprecated in favour of metric().
         * Options: delivery_id, device_id, event ('opened', 'converted' or 'delivered'), timestamp (optional).
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function push(array $options) {}

        /**
         * Reports a delivery metric: POST /api/v1/metrics (Basic auth), as customerio-ruby's track_delivery_metric.
         * Options: delivery_id, metric (bounced, clicked, converted, deferred, delivered, dropped, opened or
         * spammed), and optionally timestamp, recipient, reason, href.
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function metric(array $options) {}

    }

    /** See README "Endpoints" for each method's HTTP call and validation. */
    class Exports extends Base
    {
        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function search(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function get(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function download(array $options) {}

    }

    /** See README "Endpoints" for each method's HTTP call and validation. */
    class MessageTemplates extends Base
    {
        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function get(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function metrics(array $options) {}

    }

    /** See README "Endpoints" for each method's HTTP call and validation. */
    class Messages extends Base
    {
        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function search(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function get(array $options) {}

    }

    /** See README "Endpoints" for each method's HTTP call and validation. */
    class Newsletters extends Base
    {
        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function search(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function get(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function metrics(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function messages(array $options) {}

    }

    /** See README "Endpoints" for each method's HTTP call and validation. */
    class Page extends Base
    {
        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function view(array $options) {}

    }

    /** See README "Endpoints" for each method's HTTP call and validation. */
    class Segments extends Base
    {
        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function create(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function search(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function get(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function usedBy(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function customerCount(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function membership(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function delete(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function addCustomers(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function removeCustomers(array $options) {}

    }

    /** See README "Endpoints" for each method's HTTP call and validation. */
    class Send extends Base
    {
        /**
         * POST /v1/send/email. 'attach' => [file name => raw bytes] is sent base64-encoded in 'attachments',
         * next to names already there (pre-encoded, passed through); all attachments together must stay under
         * Customer.io's 2 MB (base64) limit.
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         * @throws \InvalidArgumentException on attachments over 2 MB or a file name given twice
         */
        public function email(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function sms(array $options) {}

        /**
         * A transactional push notification: POST /v1/send/push (App API, Bearer); transactional_message_id and identifiers are required.
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function push(array $options) {}

        /**
         * A transactional inbox message: POST /v1/send/inbox_message (App API, Bearer); transactional_message_id and identifiers are required.
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function inboxMessage(array $options) {}

        /**
         * A transactional in-app message: POST /v1/send/in_app (App API, Bearer); transactional_message_id and identifiers are required.
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function inApp(array $options) {}

        /**
         * A transactional WhatsApp message: POST /v1/send/whatsapp (App API, Bearer); transactional_message_id and identifiers are required.
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function whatsapp(array $options) {}

    }

    /** See README "Endpoints" for each method's HTTP call and validation. */
    class SenderIdentities extends Base
    {
        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function search(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function get(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function usedBy(array $options) {}

    }

}

namespace Customerio\Endpoint\Customers {
    /** Devices of a person (Track v1): $client->customers->devices. */
    class Devices extends \Customerio\Endpoint\Base
    {
        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function add(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function update(array $options) {}

        /**
         * @return mixed the decoded response
         * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
         */
        public function delete(array $options) {}

    }
}
