<?php
/*
 * One operation through queue() in send mode (the default): the page is answered first (fastcgi_finish_request),
 * then the worker sends the queue before it takes the next page.
 */
require __DIR__ . '/payloads.php';

try {
    $client = new Customerio\Client(...bench_page_settings());
    $client->track->queue(bench_entity_payload());
} catch (Throwable $e) {
    error_log('page_queue_send: ' . get_class($e) . ': ' . $e->getMessage());
    http_response_code(500);
    exit('failed: ' . $e->getMessage() . "\n");
}
echo "ok\n";
