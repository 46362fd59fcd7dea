<?php
/*
 * The baseline of benchmark d: the same page as page_ext.php without the tracking call (it loads the same
 * payload file, so only the call differs).
 */
require __DIR__ . '/payloads.php';

echo "ok\n";
