--TEST--
One worker process, several requests: queue at the end of the request, a late destructor (of an object made in on_error) that queues, a queue() made while the end-of-request send runs: sent in the same request, nothing dangling into the next
--SKIPIF--
<?php if (!function_exists('proc_open')) die('skip proc_open not available'); ?>
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$s = FaultServer::start();
$dir = sys_get_temp_dir() . '/cio-111-' . getmypid();
@mkdir($dir);
file_put_contents("$dir/app.php", <<<'PHP'
<?php
/* on_error keeps a Late: its destructor runs in the end-of-request send, after the list of queued clients was
 * emptied, and queues again */
class Late
{
    public function __construct(private Customerio\Client $c, private string $id) {}
    public function __destruct()
    {
        $this->c->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $this->id]]);
    }
}
class Keep
{
    public static array $objects = [];
}
/* a destructor at the end of the script, before the extension's send */
class AtEnd
{
    public function __construct(private Customerio\Client $c, private string $id) {}
    public function __destruct()
    {
        $this->c->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $this->id]]);
    }
}
$r = $_GET['r'];
$c = new Customerio\Client('k', 's', ['track_url' => getenv('CIO_TRACK'), 'retries' => 0,
    'on_error' => function (Throwable $e, array $ops) use (&$c, $r) {
        Keep::$objects[] = new Late($c, "$r-late");
    }]);
$c->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => "$r-a"]]);
$end = new AtEnd($c, "$r-end");
echo "request $r pid ", getmypid(), "\n";
PHP);
$port = 0;
$sock = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($sock, false), ':'), 1);
fclose($sock);
// no PHP_CLI_SERVER_WORKERS: one process, requests one after the other (nor run-tests' CGI variables)
$env = ['PATH' => (string) getenv('PATH'), 'CIO_TRACK' => $s->url()];
$cmd = [PHP_BINARY, '-n', '-d', 'extension=' . FaultServer::extensionPath(), '-d', 'log_errors=1',
    '-d', 'error_log=' . "$dir/errors.log", '-d', 'display_errors=0', '-S', "127.0.0.1:$port", "$dir/app.php"];
$proc = proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['file', "$dir/out.log", 'w'], 2 => ['file', "$dir/err.log", 'w']],
    $pipes, $dir, $env);
for ($i = 0; $i < 600 && !@fsockopen('127.0.0.1', $port); $i++) { // up to 30 s (valgrind, a loaded machine)
    usleep(50000);
}
$pids = [];
for ($r = 1; $r <= 3; $r++) {
    // the first send of each request fails (on_error runs), the late queue() is then sent
    $s->respond(503, '{}')->respond(200, '{}');
    $body = @file_get_contents("http://127.0.0.1:$port/app.php?r=r$r");
    echo $body === false ? "request r$r: no answer " . json_encode(error_get_last()) . "\n" : preg_replace('/pid \d+/', 'pid N', $body);
    if ($body !== false && preg_match('/pid (\d+)/', $body, $m)) {
        $pids[$m[1]] = true;
    }
    for ($j = 0; $j < 100 && $s->pending(); $j++) {
        usleep(20000); // the send runs after the answer
    }
}
usleep(200000);
echo 'worker processes: ', count($pids), "\n";
$status = proc_get_status($proc);
echo 'server running: ', $status['running'] ? 'yes' : 'no', "\n";
proc_terminate($proc);
proc_close($proc);
foreach ($s->requests() as $req) {
    echo 'sent: ', implode(',', array_map(fn($op) => $op['identifiers']['id'], $req['json']['batch'])), "\n";
}
$log = (string) @file_get_contents("$dir/errors.log") . (string) @file_get_contents("$dir/err.log");
echo 'not delivered warnings: ', substr_count($log, 'not delivered'), "\n";
echo 'crashes: ', preg_match_all('/Segmentation|signal|zend_mm_heap|Fatal/i', $log), "\n";
if (!getenv("CIO_KEEP")) array_map("unlink", glob("$dir/*"));
@rmdir($dir);
?>
--EXPECT--
request r1 pid N
request r2 pid N
request r3 pid N
worker processes: 1
server running: yes
sent: r1-a,r1-end
sent: r1-late
sent: r2-a,r2-end
sent: r2-late
sent: r3-a,r3-end
sent: r3-late
not delivered warnings: 3
crashes: 0
