<?php
/*
 * One operation through queue() in send mode (the default): the page is answered first (fastcgi_finish_request),
 * then the worker sends the queue before it takes the next page.
 */
require __DIR__ . '/payloads.php';

bench_page('page_queue_send', function () {
    $client = new Customerio\Client(...bench_page_settings());
    $client->track->queue(bench_entity_payload());
});
