<?php
/*
 * A private php-fpm pool (pm=static) with the extension loaded, and FastCGI pages sent to it through cgi-fcgi:
 * what the php-fpm tests use to run several requests in the same worker processes.
 */

namespace Customerio\Tests;

final class FpmPool
{
    /** @var resource */
    private $process;
    private string $dir;

    private function __construct()
    {
    }

    /** The php-fpm binary of the PHP running this code (Debian names it after the version), or ''. */
    public static function binary(): string
    {
        $version = PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION;
        return trim((string) shell_exec("command -v php-fpm$version || command -v /usr/sbin/php-fpm$version"
            . ' || command -v php-fpm'));
    }

    /** Why a pool cannot run here ('' when it can). */
    public static function missing(): string
    {
        if (self::binary() === '' || trim((string) shell_exec('command -v cgi-fcgi')) === '') {
            return 'php-fpm and cgi-fcgi are needed (Debian: php' . PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION
                . '-fpm, libfcgi-bin)';
        }
        return '';
    }

    /**
     * Starts $children workers serving $pages (file name => PHP source) with the extension at $extension and the
     * extra ini settings given; null when php-fpm is missing or did not start within 5 s.
     */
    public static function start(array $pages, string $extension, int $children = 1, array $ini = []): ?self
    {
        if (self::missing() !== '') {
            return null;
        }
        $pool = new self();
        $pool->dir = sys_get_temp_dir() . '/cio-fpm-' . getmypid() . '-' . bin2hex(random_bytes(4));
        mkdir($pool->dir);
        foreach ($pages as $name => $source) {
            file_put_contents("$pool->dir/$name", $source);
        }
        $lines = ['[global]', "error_log = $pool->dir/fpm.log", 'daemonize = no', '[www]', "listen = $pool->dir/fpm.sock",
            'pm = static', "pm.max_children = $children", 'catch_workers_output = yes'];
        foreach ($ini as $name => $value) {
            $lines[] = "php_admin_value[$name] = $value";
        }
        file_put_contents("$pool->dir/fpm.conf", implode("\n", $lines) . "\n");
        $cmd = [self::binary(), '-n', '-F', '-R', '-y', "$pool->dir/fpm.conf", '-d', "extension=$extension"];
        $pool->process = proc_open($cmd, [1 => ['file', '/dev/null', 'w'], 2 => ['file', "$pool->dir/stderr", 'w']],
            $pipes);
        for ($i = 0; $i < 100 && !file_exists("$pool->dir/fpm.sock"); $i++) {
            usleep(50000);
        }
        if (!file_exists("$pool->dir/fpm.sock")) {
            $pool->stop();
            return null;
        }
        return $pool;
    }

    public function dir(): string
    {
        return $this->dir;
    }

    /** One GET of $page through FastCGI: the response body. */
    public function page(string $page, array $query): string
    {
        $env = ['SCRIPT_FILENAME' => "$this->dir/$page", 'REQUEST_METHOD' => 'GET',
            'QUERY_STRING' => http_build_query($query)];
        $proc = proc_open(['cgi-fcgi', '-bind', '-connect', "$this->dir/fpm.sock"],
            [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
        $out = stream_get_contents($pipes[1]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        proc_close($proc);
        $parts = explode("\r\n\r\n", $out, 2);
        return $parts[1] ?? $out;
    }

    public function stop(): void
    {
        if (is_resource($this->process ?? null)) {
            proc_terminate($this->process);
            proc_close($this->process);
        }
        foreach (glob("$this->dir/*") ?: [] as $file) {
            unlink($file);
        }
        @rmdir($this->dir);
    }
}
