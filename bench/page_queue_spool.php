<?php
/*
 * One operation through queue() in spool mode: appended to the spool in customerio.spool_dir (set in the pool's
 * php.ini by bench/run); bin/customerio-sender, running beside php-fpm, sends it.
 */
require __DIR__ . '/payloads.php';

bench_page('page_queue_spool', function () {
    $client = new Customerio\Client(...bench_page_settings(['queue_mode' => 'spool']));
    $client->track->queue(bench_entity_payload());
});
