<?php
/*
 * The best a PHP developer could do without the extension: ext/curl with ONE handle kept for the client's life
 * (so the TLS connection is reused), every constant option set once, json_encode() with the extension's flags,
 * json_decode() of the answer as the extension does. No Guzzle, no PSR-7: this is a floor for user-land code,
 * far cheaper than the printu/customerio SDK itself.
 */

/** The options both ext/curl contenders set once: the extension's headers, timeouts and TLS verification. */
function bench_curl_options(string $apiKey, string $siteId, string|false $caFile, string $agent): array
{
    return [
        CURLOPT_POST => true,
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_HTTPHEADER => [
            'Accept: application/json',
            'Content-Type: application/json',
            'Expect:',
            'Authorization: Basic ' . base64_encode("$siteId:$apiKey"),
        ],
        CURLOPT_USERAGENT => bench_user_agent($agent),
        CURLOPT_TIMEOUT_MS => 30000,
        CURLOPT_CONNECTTIMEOUT_MS => 2000,
        CURLOPT_SSL_VERIFYPEER => $caFile !== false,
        CURLOPT_SSL_VERIFYHOST => $caFile !== false ? 2 : 0,
    ] + (is_string($caFile) ? [CURLOPT_CAINFO => $caFile] : []);
}

final class UserlandClient
{
    /** @var \CurlHandle */
    private $curl;
    private string $base;
    /** Same call shape as the extension's `$client->track->entity()`, so the benchmark loop is identical. */
    public UserlandClient $track;

    public function __construct(string $apiKey, string $siteId, string $trackUrl, string|false $caFile)
    {
        $this->base = rtrim($trackUrl, '/') . '/api/v2/';
        $this->track = $this;
        $this->curl = curl_init();
        curl_setopt_array($this->curl, bench_curl_options($apiKey, $siteId, $caFile, 'customerio-php-userland'));
    }

    public function entity(array $payload): mixed
    {
        return $this->post('entity', $payload);
    }

    public function batch(array $payload): mixed
    {
        return $this->post('batch', $payload);
    }

    private function post(string $path, array $payload): mixed
    {
        curl_setopt($this->curl, CURLOPT_URL, $this->base . $path);
        curl_setopt($this->curl, CURLOPT_POSTFIELDS, json_encode($payload, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR));
        $body = curl_exec($this->curl);
        if ($body === false) {
            throw new RuntimeException('cURL error ' . curl_errno($this->curl) . ': ' . curl_error($this->curl));
        }
        $status = curl_getinfo($this->curl, CURLINFO_RESPONSE_CODE);
        if ($status >= 400) {
            throw new RuntimeException("HTTP $status: " . substr($body, 0, 120));
        }
        return json_decode($body);
    }
}

/*
 * Not a client: the floor for any PHP code on HTTP/1.1. One ext/curl handle with EVERY option, the URL and the
 * pre-encoded body set once; entity() is curl_exec() and a status check, nothing else (no encoding, no
 * validation, no decoding). Its CPU above the C loop is what running in a PHP process costs (the interpreter's
 * call, and a larger process whose caches the wait for the server cools): no extension can go below it.
 */
final class CurlFloorClient
{
    /** @var \CurlHandle */
    private $curl;
    public CurlFloorClient $track;

    public function __construct(string $apiKey, string $siteId, string $trackUrl, string|false $caFile, array $entity)
    {
        $this->track = $this;
        $this->curl = curl_init(rtrim($trackUrl, '/') . '/api/v2/entity');
        curl_setopt_array($this->curl, bench_curl_options($apiKey, $siteId, $caFile, 'customerio-php-floor') + [
            CURLOPT_POSTFIELDS => json_encode($entity, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR),
            CURLOPT_HTTP_VERSION => CURL_HTTP_VERSION_1_1,
        ]);
    }

    /** The payload was encoded once, in the constructor: the argument only keeps the benchmark loop identical. */
    public function entity(array $payload): bool
    {
        if (curl_exec($this->curl) === false || curl_getinfo($this->curl, CURLINFO_RESPONSE_CODE) !== 200) {
            throw new RuntimeException('floor: ' . curl_error($this->curl));
        }
        return true;
    }
}
