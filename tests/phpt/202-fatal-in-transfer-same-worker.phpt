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

$fs = FaultServer::start(); // the worker's first page makes two calls: one to warm up, one answered with 3 MB

$dir = sys_get_temp_dir() . '/cio-worker-' . getmypid();
@mkdir($dir);
file_put_contents("$dir/app.php", <<<'PHP'
<?php
$c = new Customerio\Client('k', 's', ['track_url' => $_GET['url'], 'retries' => 0, 'timeout' => 60]);
$track = $c->track;
$op = ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $_GET['n']]];
// what phpinfo() says this worker holds when the page starts: nothing is left over from a page that died
ob_start();
phpinfo(INFO_MODULES);
preg_match('~Connections held by this process\s*(?:=>\s*)?(\d+)~', strip_tags(ob_get_clean()), $held);
if ($_GET['n'] == 1) {
    // after the fatal error, in the same request: the handle of the call that died must not be running still
    register_shutdown_function(function () use ($track) {
        ini_set('memory_limit', '128M');
        echo "\nshutdown function: ", json_encode($track->entity(['type' => 'person', 'action' => 'identify',
            'identifiers' => ['id' => 'shutdown']])), "\n";
    });
    // warmed up (what the call itself allocates is there), then room for one more 2 MB chunk of the Zend heap:
    // the body passes memory_limit when it outgrows it, inside the libcurl write callback
    $track->entity($op);
    ini_set('memory_limit', (string) (memory_get_usage(true) + (2 << 20)));
}
try {
    $answer = $track->entity($op);
    echo 'pid ', getmypid(), ' held at start ', $held[1] ?? '?', ', answer ', json_encode($answer);
} catch (Throwable $e) {
    echo 'pid ', getmypid(), ' ', get_class($e), ': ', $e->getMessage();
}
PHP);

// php -S without PHP_CLI_SERVER_WORKERS serves every request in this one process, one after the other
$cmd = [PHP_BINARY, '-n', '-d', 'extension=' . FaultServer::extensionPath(), '-S', '127.0.0.1:0', "$dir/app.php"];
// memory_limit needs the Zend allocator (run-tests -m traces this child too, with USE_ZEND_ALLOC=0 otherwise)
$env = ['USE_ZEND_ALLOC' => '1', 'PATH' => getenv('PATH')];
/** Starts the worker; returns [process, its URL]. */
function worker(array $cmd, array $env): array
{
    $proc = proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
    $url = null;
    $deadline = time() + 120;
    while ($url === null && time() < $deadline && ($line = fgets($pipes[2])) !== false) {
        if (preg_match('~Development Server \(http://([0-9.]+:\d+)\) started~', $line, $m)) {
            $url = 'http://' . $m[1];
        }
    }
    stream_set_blocking($pipes[2], false);
    return [$proc, $url];
}

function page(string $url, string $fs, int $n): string
{
    $ctx = stream_context_create(['http' => ['timeout' => 120, 'ignore_errors' => true]]);
    $body = @file_get_contents("$url/?n=$n&url=" . urlencode($fs), false, $ctx);
    return $body === false ? 'no answer (the worker died)' : trim(strip_tags($body));
}

// This PHP build sometimes ends the whole process ("Hard memory limit ... exhausted") instead of raising the
// fatal error, depending on the heap's layout: nothing an extension can catch. Such a worker is replaced.
for ($attempt = 1; $attempt <= 8; $attempt++) {
    $fs->reset();
    $fs->script(['respond', 200, '{}', [], 0], ['big', 3000000]);
    [$proc, $url] = worker($cmd, $env);
    $first = page($url, $fs->url(), 1);
    if (str_contains($first, 'Allowed memory size')) {
        break;
    }
    proc_terminate($proc);
    proc_close($proc);
}

$pids = [];
for ($n = 1; $n <= 3; $n++) {
    $page = $n === 1 ? $first : page($url, $fs->url(), $n);
    if (preg_match('~^pid (\d+) ~', $page, $m)) {
        $pids[] = $m[1];
    }
    echo "page $n: ", preg_replace(['~^pid \d+ ~', '~ in /\S+ on line \d+~', '~\d+ bytes~', '~\n\s*\n~'],
        ['', '', 'N bytes', "\n"], $page), "\n";
}
echo 'one worker: ', count(array_unique($pids)) === 1 && count($pids) === 2 ? 'yes' : 'no (' . implode(',', $pids) . ')', "\n";
echo 'requests that reached Customer.io since the worker started: ', count($fs->requests()), "\n";
echo 'the worker still runs: ', proc_get_status($proc)['running'] ? 'yes' : 'no', "\n";
proc_terminate($proc);
proc_close($proc);
array_map('unlink', glob("$dir/*"));
rmdir($dir);
$fs->stop();
?>
--EXPECTF--
page 1: Fatal error:%sAllowed memory size of N bytes exhausted (tried to allocate N bytes)
shutdown function: {}
page 2: held at start 0, answer {}
page 3: held at start 0, answer {}
one worker: yes
requests that reached Customer.io since the worker started: 5
the worker still runs: yes
