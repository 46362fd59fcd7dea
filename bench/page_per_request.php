<?php
/*
 * The same page as page_ext.php the way the SDK behaves under php-fpm: its Guzzle client (and so its curl handle)
 * is made per request and dropped at the end, so every page opens a new TCP + TLS connection. Written with bare
 * ext/curl + json_encode, which is cheaper than Guzzle: the gap to the SDK itself is larger than the one measured.
 */
require __DIR__ . '/payloads.php';

$curl = curl_init(rtrim($_SERVER['CIO_TRACK_URL'], '/') . '/api/v2/entity');
curl_setopt_array($curl, [
    CURLOPT_POST => true,
    CURLOPT_POSTFIELDS => json_encode(bench_entity_payload(), BENCH_JSON_FLAGS | JSON_THROW_ON_ERROR),
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_HTTPHEADER => [
        'Accept: application/json',
        'Content-Type: application/json',
        'Expect:',
        'Authorization: Basic ' . base64_encode($_SERVER['CIO_SITE_ID'] . ':' . $_SERVER['CIO_API_KEY']),
    ],
    CURLOPT_USERAGENT => 'customerio-php-userland/1.0 PHP/' . PHP_VERSION,
    CURLOPT_TIMEOUT_MS => 5000,
    CURLOPT_CONNECTTIMEOUT_MS => 2000,
    CURLOPT_CAINFO => $_SERVER['CIO_CA_FILE'],
]);
$body = curl_exec($curl);
$status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
if ($body === false || $status !== 200) {
    // wrk counts non-2xx answers: a failed call must not pass as a served page
    // and bench/run reports the reasons from php's error log
    error_log("page_per_request: HTTP $status " . curl_error($curl));
    http_response_code(500);
    exit("failed: HTTP $status\n");
}
curl_close($curl);
json_decode($body);
echo "ok\n";
