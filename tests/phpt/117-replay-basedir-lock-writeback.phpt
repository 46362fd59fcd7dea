--TEST--
replay(): refuses paths outside open_basedir (no stat, rename or unlink there), reads the spool under the writers' lock (a line a writer was appending is not lost), and keeps the spool when the unsent operations cannot be written back (disk full: /dev/full)
--SKIPIF--
<?php if (!function_exists('proc_open') || !is_writable('/dev/full')) die('skip proc_open and /dev/full needed'); ?>
--INI--
display_errors=1
log_errors=0
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$dir = sys_get_temp_dir() . '/cio-117-' . getmypid();
@mkdir("$dir/inside", 0777, true);
@mkdir("$dir/outside");
$line = fn (string $id) => json_encode(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $id]]) . "\n";
$s = FaultServer::start();

echo "-- open_basedir\n";
file_put_contents("$dir/outside/spool.jsonl", $line('o1'));
clearstatcache();
$before = stat("$dir/outside/spool.jsonl");
[$out, $err] = FaultServer::runChild(<<<'PHP'
ini_set('open_basedir', $argv[2] . '/inside');
$c = new Customerio\Client('k', 's', ['track_url' => $argv[1], 'retries' => 0]);
foreach (['spool.jsonl', 'missing.jsonl'] as $name) {
    try {
        var_dump($c->track->replay($argv[2] . '/outside/' . $name));
    } catch (Throwable $e) {
        echo get_class($e), ': ', str_replace($argv[2], 'DIR', $e->getMessage()), "\n";
    }
}
PHP, ['display_errors' => 0], [$s->url(), $dir]);
echo $out, $err;
clearstatcache();
$after = stat("$dir/outside/spool.jsonl");
echo 'outside file untouched: ', $before['ctime'] === $after['ctime'] && $before['ino'] === $after['ino']
    && file_get_contents("$dir/outside/spool.jsonl") === $line('o1') ? 'yes' : 'no', "\n";
echo 'requests: ', count($s->requests()), "\n";

echo "-- a writer holding the lock while replay() starts\n";
$spool = "$dir/inside/customerio-spool.jsonl";
file_put_contents($spool, $line('a') . $line('b'));
$writer = proc_open([PHP_BINARY, '-n', '-r', '
    $h = fopen($argv[1], "a");
    flock($h, LOCK_EX);
    echo "locked\n";
    usleep(600000);
    fwrite($h, $argv[2]);
    fflush($h);
    flock($h, LOCK_UN);
    fclose($h);
', $spool, $line('w')], [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
echo 'writer: ', fgets($pipes[1]);
$c = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0]);
var_dump($c->track->replay($spool));
proc_close($writer);
$ids = [];
foreach ($s->requests() as $r) {
    foreach ($r['json']['batch'] as $op) {
        $ids[] = $op['identifiers']['id'];
    }
}
echo 'sent: ', implode(',', $ids), "\n";
echo 'left: ', implode(',', array_map('basename', glob("$dir/inside/*"))), "\n";

echo "-- writing back fails: the spool being replayed is kept\n";
class Sub extends Customerio\Client
{
    public string $spool = '';
    public function post(string $endpoint, array $json): mixed
    {
        // the disk fills up while the request is out: the spool path now leads to /dev/full
        symlink('/dev/full', $this->spool);
        throw new RuntimeException('Customer.io is down');
    }
}
$s->reset();
file_put_contents($spool, $line('x') . $line('y'));
$sub = new Sub('k', 's', ['track_url' => $s->url(), 'retries' => 0]);
$sub->spool = $spool;
try {
    $sub->track->replay($spool);
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$kept = glob("$spool.replaying.*");
echo 'kept: ', count($kept), ' file, holding ', $kept ? str_replace("\n", ' ', trim(file_get_contents($kept[0]))) : 'nothing', "\n";
array_map('unlink', array_merge(glob("$dir/inside/*"), glob("$dir/outside/*")));
rmdir("$dir/inside");
rmdir("$dir/outside");
rmdir($dir);
?>
--EXPECTF--
-- open_basedir
Customerio\Exception\InvalidArgumentException: Cannot replay DIR/outside/spool.jsonl: outside open_basedir
Customerio\Exception\InvalidArgumentException: Cannot replay DIR/outside/missing.jsonl: outside open_basedir
outside file untouched: yes
requests: 0
-- a writer holding the lock while replay() starts
writer: locked
int(3)
sent: a,b,w
left: 
-- writing back fails: the spool being replayed is kept

Notice: %s: Write of %d bytes failed with errno=28 No space left on device in %s on line %d

Warning: customerio: replay() could not write 2 operation(s) back to %s/customerio-spool.jsonl; the spool being replayed is kept as %s/customerio-spool.jsonl.replaying.%d (replay it once the disk has room) in %s on line %d
RuntimeException: Customer.io is down
kept: 1 file, holding {"type":"person","action":"identify","identifiers":{"id":"x"}} {"type":"person","action":"identify","identifiers":{"id":"y"}}
