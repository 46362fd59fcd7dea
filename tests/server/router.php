<?php
/*
 * A local stand-in for Customer.io, run as `php -S 127.0.0.1:0 router.php` by TestServer.
 * Records every request (method, path, query, headers, body) as a JSON line in $CIO_TEST_STATE/requests.jsonl
 * and answers with the next scripted response from $CIO_TEST_STATE/script.json, else `200 {}`.
 */

$state = getenv('CIO_TEST_STATE');
if (!$state || !is_dir($state)) {
    http_response_code(500);
    echo 'CIO_TEST_STATE is not set';
    return true;
}

$uri = $_SERVER['REQUEST_URI'];
// split by hand: parse_url() reads "/customers/shop:42" as a port
[$path, $query] = array_pad(explode('?', $uri, 2), 2, '');
$headers = [];
foreach (getallheaders() as $name => $value) {
    $headers[strtolower($name)] = $value;
}
$body = file_get_contents('php://input');

$lock = fopen("$state/lock", 'c');
flock($lock, LOCK_EX);
file_put_contents("$state/requests.jsonl", json_encode([
    'method' => $_SERVER['REQUEST_METHOD'],
    'path' => $path,
    'query' => $query,
    'headers' => $headers,
    'body' => base64_encode($body),
]) . "\n", FILE_APPEND);
$script = is_file("$state/script.json") ? json_decode(file_get_contents("$state/script.json"), true) : [];
$response = array_shift($script) ?? ['status' => 200, 'headers' => [], 'body' => '{}', 'delay_ms' => 0];
file_put_contents("$state/script.json", json_encode($script));
flock($lock, LOCK_UN);
fclose($lock);

if ($response['delay_ms'] > 0) {
    usleep($response['delay_ms'] * 1000);
}
http_response_code($response['status']);
header_remove('X-Powered-By');
foreach ($response['headers'] as $name => $value) {
    header("$name: $value");
}
if (!isset($response['headers']['Content-Type']) && $response['body'] !== '') {
    header('Content-Type: application/json');
}
echo $response['body'];
return true;
