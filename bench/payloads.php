<?php
/*
 * The payloads every contender sends, defined once so the extension, the user-land client, the php-fpm pages and
 * the C loop (through the files written below) put the same bytes on the wire.
 *
 * Run directly (`php payloads.php DIR [OPS]`) it writes DIR/entity.json and DIR/batch.json: the C loop cannot build
 * PHP arrays, so it is handed the exact JSON the PHP contenders produce.
 */

// The extension encodes with these flags (src/json.c); the user-land contenders use the same so bodies are equal.
const BENCH_JSON_FLAGS = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;

/*
 * A User-Agent for a contender NAME ('customerio-bench-c', 'customerio-php-userland') exactly as long as the
 * extension's (customerio-php-ext/<version> PHP/<version> libcurl/<version>): libcurl formats each header byte by
 * byte, so a shorter one would make a contender cheaper by the bytes alone. The stand-in's log tells the contenders
 * apart by the NAME/ prefix.
 */
function bench_user_agent(string $name): string
{
    $ext = 'customerio-php-ext/' . phpversion('customerio') . ' PHP/' . PHP_VERSION . ' libcurl/' . curl_version()['version'];
    return str_pad(substr($name . '/' . substr($ext, strlen('customerio-php-ext/')), 0, strlen($ext)), strlen($ext), '.');
}

/*
 * The Client settings of the php-fpm pages, from nginx's fastcgi_param, as [key, site id, options]. Every page
 * calls it, page_noop.php included: reading them materialises $_SERVER (PHP builds it lazily, on first use), which
 * every real page does anyway, so the pages differ only by the Client and its call.
 */
function bench_page_settings(array $options = []): array
{
    return [$_SERVER['CIO_API_KEY'], $_SERVER['CIO_SITE_ID'],
        ['track_url' => $_SERVER['CIO_TRACK_URL'], 'verify' => $_SERVER['CIO_CA_FILE']] + $options];
}

/*
 * Serves a tracking page: runs $track, answers "ok". A failed call must not pass as a served page: wrk counts
 * the 500, and bench/run reports the reasons from php's error log.
 */
function bench_page(string $name, callable $track): void
{
    try {
        $track();
    } catch (Throwable $e) {
        error_log("$name: " . get_class($e) . ': ' . $e->getMessage());
        http_response_code(500);
        exit('failed: ' . $e->getMessage() . "\n");
    }
    echo "ok\n";
}

// A typical "identify the signed-in user" call, as an application makes it on a page view.
function bench_entity_payload(): array
{
    return [
        'type' => 'person',
        'action' => 'identify',
        'identifiers' => ['id' => 'user-1234567'],
        'attributes' => [
            'email' => 'jane.doe@example.com',
            'first_name' => 'Jane',
            'plan' => 'premium',
            'last_seen_at' => 1700000000,
        ],
    ];
}

// A realistic small person event (an order); ids and numbers vary so no two operations are the same string.
function bench_batch_payload(int $ops): array
{
    $batch = [];
    for ($i = 0; $i < $ops; $i++) {
        $batch[] = [
            'type' => 'person',
            'action' => 'event',
            'identifiers' => ['id' => 'user-' . (1000000 + $i % 50000)],
            'name' => 'order_completed',
            'timestamp' => 1700000000 + $i,
            'attributes' => [
                'order_id' => 'ord-' . (5000000 + $i),
                'total' => round(10 + ($i % 9000) / 100, 2),
                'currency' => 'EUR',
                'items' => 1 + $i % 7,
            ],
        ];
    }
    return ['batch' => $batch];
}

if (PHP_SAPI === 'cli' && isset($argv[0]) && realpath($argv[0]) === __FILE__) {
    $dir = $argv[1] ?? die("usage: php payloads.php DIR [OPS]\n");
    file_put_contents("$dir/entity.json", json_encode(bench_entity_payload(), BENCH_JSON_FLAGS));
    file_put_contents("$dir/batch.json", json_encode(bench_batch_payload((int)($argv[2] ?? 100000)), BENCH_JSON_FLAGS));
}
