<?php
/*
 * The best a PHP developer could do without the extension: ext/curl with ONE handle kept for the client's life
 * (so the TLS connection is reused), every constant option set once, json_encode() with the extension's flags,
 * json_decode() of the answer as the extension does. No Guzzle, no PSR-7: this is a floor for user-land code,
 * far cheaper than the printu/customerio SDK itself.
 */

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
        curl_setopt_array($this->curl, [
            CURLOPT_POST => true,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => [
                'Accept: application/json',
                'Content-Type: application/json',
                'Expect:',
                'Authorization: Basic ' . base64_encode("$siteId:$apiKey"),
            ],
            CURLOPT_USERAGENT => bench_user_agent('customerio-php-userland'),
            CURLOPT_TIMEOUT_MS => 30000,
            CURLOPT_CONNECTTIMEOUT_MS => 2000,
            CURLOPT_SSL_VERIFYPEER => $caFile !== false,
            CURLOPT_SSL_VERIFYHOST => $caFile !== false ? 2 : 0,
        ]);
        if (is_string($caFile)) {
            curl_setopt($this->curl, CURLOPT_CAINFO, $caFile);
        }
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
