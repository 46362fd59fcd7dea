--TEST--
Invalid ini values (customerio.timeout=five & co.) are refused with a warning and the setting keeps its value (the default at startup), instead of reading as 0 ("no timeout")
--SKIPIF--
<?php
require __DIR__ . '/../server/FaultServer.php';
if (Customerio\Tests\FaultServer::extensionPath() === null) die('skip cannot find the loaded customerio.so');
?>
--FILE--
<?php
require __DIR__ . '/../server/FaultServer.php';

use Customerio\Tests\FaultServer;

$names = ['customerio.timeout', 'customerio.connect_timeout', 'customerio.retries', 'customerio.persistent_idle_timeout'];
echo "-- at startup (php.ini / -d)\n";
[$out, $err] = FaultServer::runChild('foreach (' . var_export($names, true) . ' as $n) { echo $n, "=", ini_get($n), "\n"; }',
    ['customerio.timeout' => 'five', 'customerio.connect_timeout' => '1s', 'customerio.retries' => '2.5',
        'customerio.persistent_idle_timeout' => 'soon', 'display_startup_errors' => '1', 'error_reporting' => '-1']);
echo trim(preg_replace('~\n\s*\n~', "\n", $out . $err)), "\n";

echo "-- at run time (ini_set)\n";
$cases = [
    ['customerio.timeout', 'five'], ['customerio.timeout', ''], ['customerio.timeout', '-1'], ['customerio.timeout', 'INF'],
    ['customerio.timeout', '1e9'], ['customerio.timeout', '0.25'], ['customerio.timeout', '0'],
    ['customerio.connect_timeout', 'abc'], ['customerio.connect_timeout', '1.5'],
    ['customerio.retries', 'two'], ['customerio.retries', '2.5'], ['customerio.retries', '101'], ['customerio.retries', '-1'],
    ['customerio.retries', '100'], ['customerio.retries', '0'],
];
foreach ($cases as [$name, $value]) {
    $result = @ini_set($name, $value);
    echo str_pad("$name=" . var_export($value, true), 36), ' ', $result === false ? 'refused' : 'accepted', ', now ',
        ini_get($name), "\n";
}
ini_set('customerio.timeout', '5');
echo error_get_last() ? '' : 'no warning?', "\n";
@ini_set('customerio.retries', 'x');
echo error_get_last()['message'], "\n";
?>
--EXPECT--
-- at startup (php.ini / -d)
Warning: PHP Startup: customerio.timeout must be a number of seconds between 0 and 31536000, "five" refused in Unknown on line 0
Warning: PHP Startup: customerio.connect_timeout must be a number of seconds between 0 and 31536000, "1s" refused in Unknown on line 0
Warning: PHP Startup: customerio.retries must be an integer between 0 and 100, "2.5" refused in Unknown on line 0
Warning: PHP Startup: customerio.persistent_idle_timeout must be an integer between 0 and 31536000, "soon" refused in Unknown on line 0
customerio.timeout=5
customerio.connect_timeout=2
customerio.retries=2
customerio.persistent_idle_timeout=30
-- at run time (ini_set)
customerio.timeout='five'            refused, now 5
customerio.timeout=''                refused, now 5
customerio.timeout='-1'              refused, now 5
customerio.timeout='INF'             refused, now 5
customerio.timeout='1e9'             refused, now 5
customerio.timeout='0.25'            accepted, now 0.25
customerio.timeout='0'               accepted, now 0
customerio.connect_timeout='abc'     refused, now 2
customerio.connect_timeout='1.5'     accepted, now 1.5
customerio.retries='two'             refused, now 2
customerio.retries='2.5'             refused, now 2
customerio.retries='101'             refused, now 2
customerio.retries='-1'              refused, now 2
customerio.retries='100'             accepted, now 100
customerio.retries='0'               accepted, now 0

ini_set(): customerio.retries must be an integer between 0 and 100, "x" refused
