--TEST--
Hostile user code while operations are encoded: jsonSerialize() (and a __toString() path) re-entering queue(), flush(), batch(), entity(), replay() and dropping the client: no invalid access, each operation sent once or reported
--INI--
display_errors=1
log_errors=0
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

function op(string $id, mixed $attr = null): array
{
    $op = ['type' => 'person', 'action' => 'identify', 'identifiers' => ['id' => $id]];
    if ($attr !== null) {
        $op['attributes'] = ['v' => $attr];
    }
    return $op;
}
/* runs its hook once, while the extension encodes it */
class Hook implements JsonSerializable
{
    public function __construct(private ?Closure $fn) {}
    public function jsonSerialize(): mixed
    {
        $fn = $this->fn;
        $this->fn = null;
        if ($fn) {
            $fn();
        }
        return 'v';
    }
}
class Path
{
    public function __construct(private string $path, private Closure $fn) {}
    public function __toString(): string
    {
        ($this->fn)();
        return $this->path;
    }
}
function sent(FaultServer $s): string
{
    $ids = [];
    foreach ($s->requests() as $r) {
        foreach ($r['json']['batch'] ?? [$r['json']] as $op) {
            $ids[] = $op['identifiers']['id'];
        }
    }
    $s->reset();
    $counts = array_count_values($ids);
    ksort($counts);
    return json_encode($counts);
}

$s = FaultServer::start();
$s->detach();
$dir = sys_get_temp_dir() . '/cio-120-' . getmypid();
@mkdir($dir);
$new = fn () => new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0, 'max_batch_bytes' => 400]);

echo "-- queue(): jsonSerialize queues, flushes, replays, and drops the client\n";
$c = $new();
$c->track->queue(op('q0'));
file_put_contents("$dir/spool.jsonl", json_encode(op('r0')) . "\n");
$c->track->queue(op('q1', new Hook(function () use (&$c, $dir) {
    $c->track->queue(op('q2'));
    $c->track->flush();
    $c->track->replay("$dir/spool.jsonl");
    $c = null; // the last variable holding the client
})));
echo 'client variable: ', var_export($c, true), "\n";
echo 'sent: ', sent($s), "\n";

echo "-- batch(): jsonSerialize runs batch(), entity(), queue() + flush() on the same client\n";
$c = $new();
$ops = [op('b0'), op('b1', new Hook(function () use (&$c) {
    $c->track->batch(['batch' => [op('n0'), op('n1')]]);
    $c->track->entity(op('e0'));
    $c->track->queue(op('q3'));
    $c->track->flush();
})), op('b2')];
var_dump($c->track->batch(['batch' => $ops]));
echo 'sent: ', sent($s), "\n";

echo "-- batch() split and encoded twice (over 64 KiB): jsonSerialize changes the array and drops the client\n";
$big = [];
for ($i = 0; $i < 40; $i++) {
    $big[] = op("big$i", str_repeat('x', 2000));
}
$c = new Customerio\Client('k', 's', ['track_url' => $s->url(), 'retries' => 0, 'max_batch_bytes' => 20000]);
$track = $c->track;
$big[5] = op('big5', new Hook(function () use (&$big, &$c) {
    $big = [];   // the caller's array goes away
    $c = null;   // and the client variable
}));
var_dump($track->batch(['batch' => $big]) !== null);
unset($track);
$got = json_decode(sent($s), true);
echo 'sent: ', count($got), ' distinct, ', array_sum($got), " in all\n";

echo "-- entity(): jsonSerialize flushes the queue and sends another entity\n";
$c = $new();
$c->track->queue(op('q4'));
$c->track->entity(op('e1', new Hook(function () use ($c) {
    $c->track->flush();
    $c->track->entity(op('e2'));
})));
echo 'sent: ', sent($s), "\n";

echo "-- replay(): __toString of the path flushes and queues\n";
$c = $new();
$c->track->queue(op('q5'));
file_put_contents("$dir/spool.jsonl", json_encode(op('r1')) . "\n");
var_dump($c->track->replay(new Path("$dir/spool.jsonl", function () use ($c) {
    $c->track->flush();
    $c->track->queue(op('q6'));
})));
$c->track->flush();
echo 'sent: ', sent($s), "\n";
@unlink("$dir/spool.jsonl");
rmdir($dir);
echo "done\n";
?>
--EXPECTF--
-- queue(): jsonSerialize queues, flushes, replays, and drops the client
client variable: NULL
sent: {"q0":1,"q2":1,"r0":1}
-- batch(): jsonSerialize runs batch(), entity(), queue() + flush() on the same client
object(stdClass)#%d (0) {
}
sent: {"b0":1,"b1":1,"b2":1,"e0":1,"n0":1,"n1":1,"q3":1}
-- batch() split and encoded twice (over 64 KiB): jsonSerialize changes the array and drops the client
bool(true)
sent: 40 distinct, 40 in all
-- entity(): jsonSerialize flushes the queue and sends another entity
sent: {"e1":1,"e2":1,"q4":1}
-- replay(): __toString of the path flushes and queues
int(1)
sent: {"q5":1,"q6":1,"r1":1}
done
