--TEST--
Extension loads; classes, interfaces, alias and exception hierarchy are registered; nothing is final
--FILE--
<?php
var_dump(extension_loaded('customerio'));
var_dump(preg_match('/^\d+\.\d+\.\d+/', (string) phpversion('customerio')));

$classes = [
    'Customerio\Client', 'Customerio\Region', 'Customerio\Region\RegionUs', 'Customerio\Region\RegionEu',
    'Customerio\Region\InvalidRegionException', 'Customerio\Endpoint\Base', 'Customerio\Endpoint\Track',
    'Customerio\Exception\InvalidArgumentException', 'Customerio\Exception\TransferException',
    'Customerio\Exception\RequestException', 'Customerio\Exception\BadResponseException',
    'Customerio\Exception\ClientException', 'Customerio\Exception\ServerException',
    'Customerio\Exception\ConnectException',
];
$interfaces = ['Customerio\Region\RegionInterface', 'Customerio\Exception\CustomerioException'];

foreach ($classes as $c) {
    $r = new ReflectionClass($c);
    printf("%-45s class=%d internal=%d final=%d abstract=%d ext=%s\n", $c, class_exists($c, false),
        $r->isInternal(), $r->isFinal(), $r->isAbstract(), $r->getExtensionName());
}
foreach ($interfaces as $i) {
    $r = new ReflectionClass($i);
    printf("%-45s interface=%d ext=%s\n", $i, interface_exists($i, false), $r->getExtensionName());
}

echo "-- alias\n";
var_dump(class_exists('Customerio\Track', false));
var_dump((new ReflectionClass('Customerio\Track'))->getName());
var_dump(get_class(new Customerio\Track(null)));

echo "-- parents\n";
foreach (array_merge($classes, $interfaces) as $c) {
    $r = new ReflectionClass($c);
    $parent = $r->getParentClass();
    $ifaces = $r->getInterfaceNames();
    sort($ifaces);
    printf("%s < %s [%s]\n", $c, $parent ? $parent->getName() : '-', implode(', ', $ifaces));
}

echo "-- instanceof chain\n";
$e = new Customerio\Exception\ClientException('x');
var_dump($e instanceof Customerio\Exception\BadResponseException, $e instanceof Customerio\Exception\RequestException,
    $e instanceof Customerio\Exception\TransferException, $e instanceof RuntimeException,
    $e instanceof Customerio\Exception\CustomerioException);
$e = new Customerio\Exception\ConnectException('x');
var_dump($e instanceof Customerio\Exception\TransferException, $e instanceof Customerio\Exception\RequestException);
$e = new Customerio\Exception\InvalidArgumentException('x');
var_dump($e instanceof InvalidArgumentException, $e instanceof Customerio\Exception\CustomerioException,
    $e instanceof RuntimeException);
var_dump(new Customerio\Region\RegionEu instanceof Customerio\Region\RegionInterface);
var_dump(is_subclass_of('Customerio\Region\InvalidRegionException', 'InvalidArgumentException'));
var_dump(is_subclass_of('Customerio\Endpoint\Track', 'Customerio\Endpoint\Base'));
?>
--EXPECT--
bool(true)
int(1)
Customerio\Client                             class=1 internal=1 final=0 abstract=0 ext=customerio
Customerio\Region                             class=1 internal=1 final=0 abstract=0 ext=customerio
Customerio\Region\RegionUs                    class=1 internal=1 final=0 abstract=0 ext=customerio
Customerio\Region\RegionEu                    class=1 internal=1 final=0 abstract=0 ext=customerio
Customerio\Region\InvalidRegionException      class=1 internal=1 final=0 abstract=0 ext=customerio
Customerio\Endpoint\Base                      class=1 internal=1 final=0 abstract=0 ext=customerio
Customerio\Endpoint\Track                     class=1 internal=1 final=0 abstract=0 ext=customerio
Customerio\Exception\InvalidArgumentException class=1 internal=1 final=0 abstract=0 ext=customerio
Customerio\Exception\TransferException        class=1 internal=1 final=0 abstract=0 ext=customerio
Customerio\Exception\RequestException         class=1 internal=1 final=0 abstract=0 ext=customerio
Customerio\Exception\BadResponseException     class=1 internal=1 final=0 abstract=0 ext=customerio
Customerio\Exception\ClientException          class=1 internal=1 final=0 abstract=0 ext=customerio
Customerio\Exception\ServerException          class=1 internal=1 final=0 abstract=0 ext=customerio
Customerio\Exception\ConnectException         class=1 internal=1 final=0 abstract=0 ext=customerio
Customerio\Region\RegionInterface             interface=1 ext=customerio
Customerio\Exception\CustomerioException      interface=1 ext=customerio
-- alias
bool(true)
string(25) "Customerio\Endpoint\Track"
string(25) "Customerio\Endpoint\Track"
-- parents
Customerio\Client < - []
Customerio\Region < - []
Customerio\Region\RegionUs < - [Customerio\Region\RegionInterface]
Customerio\Region\RegionEu < - [Customerio\Region\RegionInterface]
Customerio\Region\InvalidRegionException < InvalidArgumentException [Stringable, Throwable]
Customerio\Endpoint\Base < - []
Customerio\Endpoint\Track < Customerio\Endpoint\Base []
Customerio\Exception\InvalidArgumentException < InvalidArgumentException [Customerio\Exception\CustomerioException, Stringable, Throwable]
Customerio\Exception\TransferException < RuntimeException [Customerio\Exception\CustomerioException, Stringable, Throwable]
Customerio\Exception\RequestException < Customerio\Exception\TransferException [Customerio\Exception\CustomerioException, Stringable, Throwable]
Customerio\Exception\BadResponseException < Customerio\Exception\RequestException [Customerio\Exception\CustomerioException, Stringable, Throwable]
Customerio\Exception\ClientException < Customerio\Exception\BadResponseException [Customerio\Exception\CustomerioException, Stringable, Throwable]
Customerio\Exception\ServerException < Customerio\Exception\BadResponseException [Customerio\Exception\CustomerioException, Stringable, Throwable]
Customerio\Exception\ConnectException < Customerio\Exception\TransferException [Customerio\Exception\CustomerioException, Stringable, Throwable]
Customerio\Region\RegionInterface < - []
Customerio\Exception\CustomerioException < - [Stringable, Throwable]
-- instanceof chain
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
bool(true)
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
