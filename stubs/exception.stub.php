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
