--TEST--
Connections the extension keeps open are close-on-exec: a proc_open() child does not inherit them
--SKIPIF--
<?php if (!is_dir('/proc/self/fd')) die('skip needs /proc/self/fd'); ?>
--FILE--
<?php
// a peer that keeps the connection open after its answer (HTTP/1.1 keep-alive) until its stdin closes
$peer = <<<'PHP'
$server = stream_socket_server('tcp://127.0.0.1:0');
echo parse_url('tcp://' . stream_socket_get_name($server, false), PHP_URL_PORT), "\n";
$conn = stream_socket_accept($server, 60);
$head = '';
while (!str_contains($head, "\r\n\r\n") && ($ch = fread($conn, 1)) !== '' && $ch !== false) {
    $head .= $ch;
}
preg_match('/content-length:\s*(\d+)/i', $head, $m);
$left = (int) ($m[1] ?? 0);
while ($left > 0 && ($chunk = fread($conn, $left)) !== '' && $chunk !== false) {
    $left -= strlen($chunk);
}
fwrite($conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
fgets(STDIN);
PHP;
$proc = proc_open([PHP_BINARY, '-n', '-r', $peer], [0 => ['pipe', 'r'], 1 => ['pipe', 'w']], $pipes);
$port = (int) fgets($pipes[1]);

/** @return list<string> the sockets process $pid holds ("socket:[inode]") */
function sockets_of(string $pid): array
{
    $sockets = [];
    foreach (glob("/proc/$pid/fd/*") as $fd) {
        $target = (string) @readlink($fd);
        if (str_starts_with($target, 'socket:')) {
            $sockets[] = $target;
        }
    }
    return $sockets;
}

// what this process held before (run-tests' own sockets, for one) is not the extension's
$before = sockets_of('self');
$c = new Customerio\Client('k', 's', ['track_url' => "http://127.0.0.1:$port", 'retries' => 0]);
var_dump($c->track->entity(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 1]]));
$ours = array_diff(sockets_of('self'), $before);
echo 'the extension holds sockets (the kept connection): ', count($ours) >= 1 ? 'yes' : 'no', "\n";

// the child lists its own descriptors: the extension's sockets there were inherited
$child = proc_open(['/bin/sh', '-c', 'for f in /proc/$$/fd/*; do readlink "$f"; done'],
    [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $cp);
$listing = explode("\n", trim(stream_get_contents($cp[1])));
fclose($cp[1]);
proc_close($child);
echo 'of them inherited by the child: ', count(array_intersect($ours, $listing)), "\n";

fwrite($pipes[0], "done\n");
fclose($pipes[0]);
fclose($pipes[1]);
proc_close($proc);
?>
--EXPECTF--
object(stdClass)#%d (0) {
}
the extension holds sockets (the kept connection): yes
of them inherited by the child: 0
