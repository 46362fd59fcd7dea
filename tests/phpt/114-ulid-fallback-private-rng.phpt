--TEST--
ULIDs when the CSPRNG fails (getrandom and /dev/urandom refused by an LD_PRELOAD shim): the fallback is the extension's own generator, the user's seeded mt_rand sequence does not change, ids stay distinct
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== 'Linux' || !function_exists('proc_open')) die('skip Linux with proc_open only');
exec('command -v cc', $o, $rc);
if ($rc !== 0) die('skip no C compiler');
if (str_contains((string) @file_get_contents('/proc/self/maps'), 'vgpreload')) die('skip LD_PRELOAD under valgrind');
?>
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$dir = sys_get_temp_dir() . '/cio-114-' . getmypid();
@mkdir($dir);
file_put_contents("$dir/shim.c", <<<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>
/* no CSPRNG: getrandom() (the libc call and the raw syscall) and /dev/urandom fail */
ssize_t getrandom(void *buf, size_t len, unsigned int flags) { errno = ENOSYS; return -1; }
long syscall(long n, ...)
{
	va_list ap;
	long a[6];
	va_start(ap, n);
	for (int i = 0; i < 6; i++) a[i] = va_arg(ap, long);
	va_end(ap);
#ifdef SYS_getrandom
	if (n == SYS_getrandom) { errno = ENOSYS; return -1; }
#endif
	long (*real)(long, ...) = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
	return real(n, a[0], a[1], a[2], a[3], a[4], a[5]);
}
static int refused(const char *path) { return path && strcmp(path, "/dev/urandom") == 0; }
#define OPEN(name) \
int name(const char *path, int flags, ...) \
{ \
	va_list ap; va_start(ap, flags); int mode = va_arg(ap, int); va_end(ap); \
	if (refused(path)) { errno = EACCES; return -1; } \
	int (*real)(const char *, int, ...) = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, #name); \
	return real(path, flags, mode); \
}
OPEN(open)
OPEN(open64)
int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap; va_start(ap, flags); int mode = va_arg(ap, int); va_end(ap);
	if (refused(path)) { errno = EACCES; return -1; }
	int (*real)(int, const char *, int, ...) = (int (*)(int, const char *, int, ...))dlsym(RTLD_NEXT, "openat");
	return real(dirfd, path, flags, mode);
}
C);
exec('cc -shared -fPIC -o ' . escapeshellarg("$dir/shim.so") . ' ' . escapeshellarg("$dir/shim.c") . ' -ldl 2>&1', $o, $rc);
echo 'shim built: ', $rc === 0 ? 'yes' : implode("\n", $o), "\n";

$s = FaultServer::start();
file_put_contents("$dir/child.php", <<<'PHP'
<?php
try {
    random_bytes(4);
    echo "CSPRNG: works\n";
} catch (Throwable $e) {
    echo "CSPRNG: fails\n";
}
mt_srand(42);
$expected = [mt_rand(), mt_rand(), mt_rand()];
mt_srand(42);
$got = [mt_rand()];
$c = new Customerio\Client('k', 's', ['track_url' => $argv[1], 'retries' => 0]);
$ev = fn (string $name) => ['type' => 'person', 'action' => 'event', 'identifiers' => ['id' => 1], 'name' => $name];
$c->track->batch(['batch' => [$ev('a'), $ev('b'), $ev('c')]]);
$got[] = mt_rand();
$got[] = mt_rand();
echo 'mt_rand sequence: ', $got === $expected ? 'unchanged' : 'changed', "\n";
PHP);
$env = ['PATH' => (string) getenv('PATH'), 'LD_PRELOAD' => "$dir/shim.so"];
$proc = proc_open([PHP_BINARY, '-n', '-d', 'extension=' . FaultServer::extensionPath(), "$dir/child.php", $s->url()],
    [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
// libraries libcurl links (GnuTLS on Debian 13) may complain on stderr when the shim refuses them randomness too
echo stream_get_contents($pipes[1]), preg_replace('/^Error in GnuTLS initialization: .*\n/m', '',
    stream_get_contents($pipes[2]));
proc_close($proc);
$ids = [];
foreach ($s->requests() as $r) {
    foreach ($r['json']['batch'] as $op) {
        $ids[] = $op['id'];
    }
}
echo 'ids: ', count($ids), ', distinct: ', count(array_unique($ids)), ', ULIDs: ',
    count(preg_grep('/^[0-9A-HJKMNP-TV-Z]{26}$/', $ids)), "\n";
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
shim built: yes
CSPRNG: fails
mt_rand sequence: unchanged
ids: 3, distinct: 3, ULIDs: 3
