--TEST--
phpinfo() has a customerio section (version, libcurl, ini entries) and never shows the keys of live clients
--INI--
customerio.track_url=https://ini-track.example.test
customerio.timeout=7.5
--FILE--
<?php
$c = new Customerio\Client('SECRETKEY123', 'SITEID456', ['track_url' => 'http://127.0.0.1:1']);
$c->setAppAPIKey('APPKEY789');
$clone = clone $c;

ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();

foreach (['SECRETKEY123', 'SITEID456', 'APPKEY789', base64_encode('SITEID456:SECRETKEY123')] as $secret) {
    echo $secret, ': ', str_contains($info, $secret) ? 'SHOWN' : 'not shown', "\n";
}

// the customerio section: from its title line to the next module title
if (!preg_match('/^customerio\n(.*?)\n\n(?=[a-zA-Z][\w ]*\n\n)/ms', $info, $m)) {
    echo "no customerio section\n";
    exit;
}
echo "customerio\n", $m[1], "\n";
echo "-- consistent with the extension\n";
var_dump(str_contains($m[1], 'Version => ' . phpversion('customerio') . "\n"));
if (function_exists('curl_version')) {
    var_dump(str_contains($m[1], 'libcurl => ' . curl_version()['version'] . "\n"));
} else {
    var_dump(true);
}
?>
--EXPECTF--
SECRETKEY123: not shown
SITEID456: not shown
APPKEY789: not shown
U0lURUlENDU2OlNFQ1JFVEtFWTEyMw==: not shown
customerio

Customer.io client => enabled
Version => %d.%d.%s
libcurl => %d.%d.%s
TLS backend => %s
HTTP/2 => %s
User-Agent => customerio-php-ext/%s
Connections held by this process => %d

Directive => Local Value => Master Value
customerio.api_url => no value => no value
customerio.auto_event_id => On => On
customerio.cainfo => no value => no value
customerio.connect_timeout => 2 => 2
customerio.exceptions => auto => auto
customerio.http_version => auto => auto
customerio.persistent => On => On
customerio.persistent_idle_timeout => 30 => 30
customerio.queue_mode => send => send
customerio.retries => 2 => 2
customerio.spool_dir => no value => no value
customerio.spool_file_bytes => 1048576 => 1048576
customerio.spool_group => Off => Off
customerio.timeout => 7.5 => 7.5
customerio.track_url => https://ini-track.example.test => https://ini-track.example.test
-- consistent with the extension
bool(true)
bool(true)
