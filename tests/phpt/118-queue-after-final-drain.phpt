--TEST--
The end-of-request send drains until nothing queues any more, a bounded number of rounds: code that queues again at every send (an overriding post()) ends with its last operation refused with a warning and spooled, never dangling, never lost
--SKIPIF--
<?php if (!function_exists('proc_open')) die('skip proc_open not available'); ?>
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$dir = sys_get_temp_dir() . '/cio-118-' . getmypid();
@mkdir($dir);
$s = FaultServer::start();
[$out, $err] = FaultServer::runChild(<<<'PHP'
class Sub extends Customerio\Client
{
    public int $n = 0;
    public function post(string $endpoint, array $json): mixed
    {
        // every send queues one more operation
        $this->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'n' . ++$this->n]]);
        return parent::post($endpoint, $json);
    }
}
$c = new Sub('k', 's', ['track_url' => $argv[1], 'retries' => 0]);
$c->track->queue(['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => 'n0']]);
echo "script done\n";
PHP, ['customerio.spool_dir' => $dir, 'display_errors' => 'stderr', 'log_errors' => 0], [$s->url()]);
echo $out, preg_replace('/ in \S+ on line \d+/', '', $err);
$sent = [];
foreach ($s->requests() as $r) {
    $sent[] = implode(',', array_map(fn($op) => $op['identifiers']['id'], $r['json']['batch']));
}
echo 'sent: ', implode(' | ', $sent), "\n";
echo 'spooled: ', implode(',', array_map(fn($l) => json_decode($l, true)['identifiers']['id'],
    file("$dir/customerio-spool.jsonl", FILE_IGNORE_NEW_LINES))), "\n";
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
script done
Warning: customerio: Track::queue() after the end-of-request send: the operation was appended to customerio.spool_dir, not sent
sent: n0 | n1 | n2 | n3 | n4
spooled: n5
