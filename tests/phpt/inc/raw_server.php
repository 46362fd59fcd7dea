<?php
/*
 * A one-shot raw HTTP peer for the phpt suite: answers the Nth connection with the Nth byte string from the
 * JSON list (base64) in $argv[1], exactly as given, then closes it; exits after the last one.
 * Prints "PORT <n>" on stdout once it listens.
 */
$answers = array_map('base64_decode', json_decode($argv[1], true));
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
if (!$server) {
    fwrite(STDERR, "cannot listen: $errstr\n");
    exit(1);
}
echo 'PORT ', parse_url('tcp://' . stream_socket_get_name($server, false), PHP_URL_PORT), "\n";
fflush(STDOUT);
foreach ($answers as $answer) {
    $conn = @stream_socket_accept($server, 120);
    if (!$conn) {
        exit(2);
    }
    stream_set_timeout($conn, 30);
    // read the request head, then its body by Content-Length
    $head = '';
    while (!str_contains($head, "\r\n\r\n") && ($chunk = fread($conn, 1)) !== false && $chunk !== '') {
        $head .= $chunk;
    }
    if (preg_match('/^content-length:\s*(\d+)/mi', $head, $m) && $m[1] > 0) {
        $left = (int) $m[1];
        while ($left > 0 && ($chunk = fread($conn, $left)) !== false && $chunk !== '') {
            $left -= strlen($chunk);
        }
    }
    fwrite($conn, $answer);
    fclose($conn);
}
