<?php

/** @generate-class-entries */

namespace Customerio\Endpoint;

/** Base of every endpoint: holds the client it sends through. */
class Base
{
    /** @var \Customerio\Client|mixed the client (or a test double of it) */
    protected $client;

    /** @param \Customerio\Client|mixed $client */
    public function __construct(mixed $client) {}

    /** Joins $prefix, $id (unless empty) and $extra with '/'. */
    public function generatePath(mixed $prefix, mixed $id = null, array $extra = []): string {}
}

/** Track API v2. */
class Track extends Base
{
    /**
     * Sends one operation to POST /api/v2/entity.
     * @param array $options {type, action, identifiers, ...}
     * @return mixed the decoded response
     * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
     */
    public function entity(array $options) {}

    /**
     * Sends operations to POST /api/v2/batch.
     * @param array $options {batch: list<array>}
     * @return mixed the decoded response
     * @throws \GuzzleHttp\Exception\GuzzleException|\Customerio\Exception\CustomerioException
     */
    public function batch(array $options) {}
}
