<?php
/*
 * One operation through queue() in send mode (the default): the page is answered first (fastcgi_finish_request),
 * then the worker sends the queue before it takes the next page.
 */
require __DIR__ . '/payloads.php';

try {
    $client = new Customerio\Client($_SERVER['CIO_API_KEY'], $_SERVER['CIO_SITE_ID'], [
        'track_url' => $_SERVER['CIO_TRACK_URL'],
        'verify' => $_SERVER['CIO_CA_FILE'],
    ]);
    $client->track->queue(bench_entity_payload());
} catch (Throwable $e) {
    error_log('page_queue_send: ' . get_class($e) . ': ' . $e->getMessage());
    http_response_code(500);
    exit('failed: ' . $e->getMessage() . "\n");
}
echo "ok\n";
