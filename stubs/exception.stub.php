<?php

/** @generate-class-entries */

namespace Customerio\Exception;

/**
 * Implemented by every exception the extension throws in native mode. With Guzzle installed
 * (ini customerio.exceptions=auto, the default) Guzzle's own exception classes are thrown instead.
 */
interface CustomerioException extends \Throwable
{
}

/** Invalid input detected before anything was sent (e.g. a value json_encode() rejects). */
class InvalidArgumentException extends \InvalidArgumentException implements CustomerioException
{
}

/** A request that did not complete. */
class TransferException extends \RuntimeException implements CustomerioException
{
    protected string $method = "";
    protected string $url = "";

    /** HTTP method of the failed request. */
    public function getMethod(): string {}

    /** URL of the failed request ('/' for a request rejected before sending). */
    public function getUrl(): string {}
}

/** A request rejected by validation before sending, or base of the HTTP error classes. */
class RequestException extends TransferException
{
    protected ?int $statusCode = null;
    protected array $responseHeaders = [];
    protected ?string $responseBody = null;
    protected array $errors = [];

    public function hasResponse(): bool {}

    /** HTTP status, null when there was no response. */
    public function getStatusCode(): ?int {}

    /** @return array<string, list<string>> response headers by name as received */
    public function getResponseHeaders(): array {}

    public function getResponseBody(): ?string {}

    /**
     * Customer.io's error list: v2 `errors` (each an array with reason, field, message, batch_index),
     * or v1 `meta.errors` / `meta.error` (strings).
     */
    public function getErrors(): array {}
}

/** An HTTP error response (4xx or 5xx). */
class BadResponseException extends RequestException
{
}

/** HTTP 4xx. */
class ClientException extends BadResponseException
{
}

/** HTTP 5xx. */
class ServerException extends BadResponseException
{
}

/** No HTTP response: DNS, connection, TLS, timeout or a broken transfer. */
class ConnectException extends TransferException
{
}

/**
 * A batch() split into several requests (max_batch_bytes) that failed part-way, in native and in Guzzle mode.
 * The failed request's own exception (native, or Guzzle's in Guzzle mode) is getPrevious(). Indices are the
 * caller's positions in the batch (0-based). With the default max_concurrency (1) the requests go one after the
 * other, so getAccepted() + getRejected() is a prefix, getFailed() the request after it, getNotSent() the rest.
 * For on_error of the background queue (operations Customer.io refused), getRejected() is keyed by the position
 * in the $operations given to on_error, and the other lists are empty.
 */
class PartialBatchException extends \RuntimeException implements CustomerioException
{
    protected array $accepted = [];
    protected array $rejected = [];
    protected array $failed = [];
    protected array $notSent = [];

    /** @return list<int> operations Customer.io accepted */
    public function getAccepted(): array {}

    /**
     * @return array<int, list<array|object>> operations Customer.io refused in an accepted request (207 or errors[]),
     *         each with its errors (reason, field, message, batch_index at the caller's index)
     */
    public function getRejected(): array {}

    /** @return list<int> operations of the request that failed (see getPrevious()): their outcome is that failure */
    public function getFailed(): array {}

    /** @return list<int> operations never sent */
    public function getNotSent(): array {}
}
