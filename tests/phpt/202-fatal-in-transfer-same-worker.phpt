--TEST--
One worker process, several requests: a request that hits memory_limit while a response body grows (inside a libcurl callback) leaves no handle attached to the kept multi handle; the next requests of the same worker work
--SKIPIF--
<?php
require __DIR__ . '/../server/FaultServer.php';
if (Customerio\Tests\FaultServer::extensionPath() === null) die('skip cannot find the loaded customerio.so');
?>
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';
require __DIR__ . '/inc/common.inc';

use Customerio\Tests\FaultServer;

$fs = FaultServer::start();
$fs->script(['big', 1900000]); // the worker's first call: a body of 1.9 MB

$dir = sys_get_temp_dir() . '/cio-worker-' . getmypid();
@mkdir($dir);
file_put_contents("$dir/app.php", <<<'PHP'
<?php
$c = new Customerio\Client('k', 's', ['track_url' => $_GET['url'], 'retries' => 0, 'timeout' => 60]);
if ($_GET['n'] == 1) {
    // no room for one more 2 MB chunk of the Zend heap: the body's growth passes memory_limit inside the
    // libcurl write callback (while it is a "large" block, under 2 MB, whose growth the heap checks)
    ini_set('memory_limit', (string) memory_get_usage(true));
}
try {
    $answer = $c->track->entity(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $_GET['n']]]);
    echo 'pid ', getmypid(), ' answer ', json_encode($answer);
} catch (Throwable $e) {
    echo 'pid ', getmypid(), ' ', get_class($e), ': ', $e->getMessage();
}
PHP);

// php -S without PHP_CLI_SERVER_WORKERS serves every request in this one process, one after the other
$cmd = [PHP_BINARY, '-n', '-d', 'extension=' . FaultServer::extensionPath(), '-S', '127.0.0.1:0', "$dir/app.php"];
// memory_limit needs the Zend allocator (run-tests -m traces this child too, with USE_ZEND_ALLOC=0 otherwise)
$env = ['USE_ZEND_ALLOC' => '1', 'PATH' => getenv('PATH')];
$proc = proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
$url = null;
$deadline = microtime(true) + 120;
while ($url === null && microtime(true) < $deadline && ($line = fgets($pipes[2])) !== false) {
    if (preg_match('~Development Server \(http://([0-9.]+:\d+)\) started~', $line, $m)) {
        $url = 'http://' . $m[1];
    }
}
stream_set_blocking($pipes[2], false);

function page(string $url, string $fs, int $n): string
{
    $ctx = stream_context_create(['http' => ['timeout' => 120, 'ignore_errors' => true]]);
    $body = @file_get_contents("$url/?n=$n&url=" . urlencode($fs), false, $ctx);
    return $body === false ? 'no answer (the worker died)' : trim(strip_tags($body));
}

$pids = [];
for ($n = 1; $n <= 3; $n++) {
    $page = page($url, $fs->url(), $n);
    if (preg_match('~^pid (\d+) ~', $page, $m)) {
        $pids[] = $m[1];
    }
    echo "page $n: ", preg_replace(['~^pid \d+ ~', '~ in /\S+ on line \d+~', '~\d+ bytes~'], ['', '', 'N bytes'], $page), "\n";
}
echo 'one worker: ', count(array_unique($pids)) === 1 && count($pids) === 2 ? 'yes' : 'no (' . implode(',', $pids) . ')', "\n";
echo 'requests that reached Customer.io: ', count($fs->requests()), "\n";
echo 'the worker still runs: ', proc_get_status($proc)['running'] ? 'yes' : 'no', "\n";
proc_terminate($proc);
proc_close($proc);
array_map('unlink', glob("$dir/*"));
rmdir($dir);
$fs->stop();
?>
--EXPECTF--
page 1: Fatal error:%sAllowed memory size of N bytes exhausted (tried to allocate N bytes)
page 2: answer {}
page 3: answer {}
one worker: yes
requests that reached Customer.io: 3
the worker still runs: yes
