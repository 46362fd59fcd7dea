<?php
/*
 * One page view that reports one event through the extension, written as an application would: a new Client per
 * request. The extension keeps its libcurl handle (and so the TLS connection) for the life of the php-fpm worker,
 * so only the first page a worker serves should open a connection. Settings come from nginx's fastcgi_param.
 */
require __DIR__ . '/payloads.php';

bench_page('page_ext', function () {
    $client = new Customerio\Client(...bench_page_settings());
    $client->track->entity(bench_entity_payload());
});
