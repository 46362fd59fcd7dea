<?php
/*
 * One operation through queue() in spool mode: appended to the spool in customerio.spool_dir (set in the pool's
 * php.ini by bench/run); bin/customerio-sender, running beside php-fpm, sends it.
 */
require __DIR__ . '/payloads.php';

try {
    $client = new Customerio\Client(...bench_page_settings(['queue_mode' => 'spool']));
    $client->track->queue(bench_entity_payload());
} catch (Throwable $e) {
    error_log('page_queue_spool: ' . get_class($e) . ': ' . $e->getMessage());
    http_response_code(500);
    exit('failed: ' . $e->getMessage() . "\n");
}
echo "ok\n";
