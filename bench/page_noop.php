<?php
/*
 * The baseline of benchmark d: the same page as page_queue_spool.php and page_ext.php without the Client and its
 * call. It loads the same payload file and reads the same settings (which makes PHP build $_SERVER, as any real
 * page does), so only the tracking differs.
 */
require __DIR__ . '/payloads.php';

$settings = bench_page_settings();
$payload = bench_entity_payload();
echo "ok\n";
