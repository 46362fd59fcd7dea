--TEST--
pcntl_fork(): parent and child both send through the extension's per-process transport; the parent keeps working
--SKIPIF--
<?php if (!function_exists('pcntl_fork') || !function_exists('pcntl_waitpid')) die('skip pcntl not available'); ?>
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

/* In a forked child the inherited TestServer must not stop the parent's php -S on exit. */
function forget_server(Customerio\Tests\TestServer $s): void
{
    $r = new ReflectionObject($s);
    $p = $r->getProperty('process');
    $p->setValue($s, null);
    $dir = sys_get_temp_dir() . '/cio-phpt-child-' . getmypid();
    @mkdir($dir);
    $p = $r->getProperty('state');
    $p->setValue($s, $dir);
}

$s = cio_server();
$c = cio_client($s);
$c->post('parent-before', ['who' => 'parent']);

$children = [];
for ($i = 0; $i < 3; $i++) {
    $pid = pcntl_fork();
    if ($pid === -1) {
        die("fork failed\n");
    }
    if ($pid === 0) {
        $code = 0;
        try {
            $r = $c->post("child-$i", ['who' => "child $i"]);
            $r2 = (clone $c)->track->entity(cio_entity(['who' => "child $i"]));
            $code = ($r instanceof stdClass && $r2 instanceof stdClass) ? 0 : 3;
        } catch (Throwable $e) {
            $code = 4;
        }
        forget_server($s);
        exit($code);
    }
    $children[] = $pid;
    // the parent goes on using its transport while the child runs
    $c->post("parent-during-$i", ['who' => 'parent']);
}
foreach ($children as $i => $pid) {
    pcntl_waitpid($pid, $status);
    echo "child $i: exited=", var_export(pcntl_wifexited($status), true), ' status=', pcntl_wexitstatus($status), "\n";
}

var_dump($c->post('parent-after', ['who' => 'parent']));
try {
    (new Customerio\Client('k', 's', ['track_url' => 'http://127.0.0.1:1']))->post('x', []);
} catch (Customerio\Exception\ConnectException $e) {
    echo "refused still reported: cURL error 7\n";
}

$paths = array_map(fn($r) => $r['method'] . ' ' . $r['path'], $s->requests());
sort($paths);
echo implode("\n", $paths), "\n";
?>
--EXPECTF--
child 0: exited=true status=0
child 1: exited=true status=0
child 2: exited=true status=0
object(stdClass)#%d (0) {
}
refused still reported: cURL error 7
POST /api/v1/child-0
POST /api/v1/child-1
POST /api/v1/child-2
POST /api/v1/parent-after
POST /api/v1/parent-before
POST /api/v1/parent-during-0
POST /api/v1/parent-during-1
POST /api/v1/parent-during-2
POST /api/v2/entity
POST /api/v2/entity
POST /api/v2/entity
