<?php
/*
 * One page view that reports one event through the extension, written as an application would: a new Client per
 * request. The extension keeps its libcurl handle (and so the TLS connection) for the life of the php-fpm worker,
 * so only the first page a worker serves should open a connection. Settings come from nginx's fastcgi_param.
 */
require __DIR__ . '/payloads.php';

try {
    $client = new Customerio\Client(...bench_page_settings());
    $client->track->entity(bench_entity_payload());
} catch (Throwable $e) {
    // wrk counts non-2xx answers: a failed call must not pass as a served page
    // and bench/run reports the reasons from php's error log
    error_log('page_ext: ' . get_class($e) . ': ' . $e->getMessage());
    http_response_code(500);
    exit('failed: ' . $e->getMessage() . "\n");
}
echo "ok\n";
