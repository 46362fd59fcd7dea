--TEST--
var_dump, print_r, var_export, json_encode, serialize & co. of a Client (and its clone) never show the keys
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$secrets = ['SECRETKEY123', 'SITEID456', 'APPKEY789'];
$s = cio_server();
$c = cio_client($s, [], 'SECRETKEY123', 'SITEID456');
$c->setAppAPIKey('APPKEY789');

function dumps($value): array
{
    $out = [];
    ob_start(); var_dump($value); $out['var_dump'] = ob_get_clean();
    ob_start(); debug_zval_dump($value); $out['debug_zval_dump'] = ob_get_clean();
    $out['print_r'] = print_r($value, true);
    $out['var_export'] = @var_export($value, true); // warns about the $track <-> client cycle
    $out['json_encode'] = var_export(json_encode($value), true);
    $out['json_encode_partial'] = var_export(json_encode($value, JSON_PARTIAL_OUTPUT_ON_ERROR), true);
    try {
        $out['serialize'] = serialize($value);
    } catch (Throwable $e) {
        $out['serialize'] = get_class($e) . ': ' . $e->getMessage();
    }
    $out['array_cast'] = print_r((array) $value, true);
    $out['get_object_vars'] = is_object($value) ? print_r(get_object_vars($value), true) : '';
    $out['reflection'] = '';
    if (is_object($value)) {
        foreach ((new ReflectionObject($value))->getProperties() as $p) {
                    $out['reflection'] .= $p->getName() . '=' . print_r($p->getValue($value), true);
        }
    }
    try {
        $out['string_cast'] = is_object($value) ? (string) $value : '';
    } catch (Throwable $e) {
        $out['string_cast'] = get_class($e) . ': ' . $e->getMessage();
    }
    return $out;
}

function check(string $what, array $dumps, array $secrets): void
{
    foreach ($dumps as $how => $text) {
        $leaked = array_filter($secrets, fn($secret) => str_contains($text, $secret));
        printf("%s %s: %s%s\n", $what, $how, $leaked ? 'LEAKS ' . implode(',', $leaked) : 'clean',
            strlen($text) > 0 ? '' : ' (EMPTY)');
    }
}

check('client', dumps($c), $secrets);
check('clone', dumps(clone $c), $secrets);
check('track', dumps($c->track), $secrets);
check('in array', dumps(['client' => $c]), $secrets);

// a sanity check of check(): the keys are really there to be found
check('getAuth', ['print_r' => print_r($c->getAuth(), true) . $c->getToken()], $secrets);

// a Client is not serializable (credentials, live connections): the refusal names no key either
try {
    serialize($c);
    echo "serialize: no exception\n";
} catch (Exception $e) {
    check('serialize refusal', ['message' => $e->getMessage()], $secrets);
}
?>
--EXPECT--
client var_dump: clean
client debug_zval_dump: clean
client print_r: clean
client var_export: clean
client json_encode: clean
client json_encode_partial: clean
client serialize: clean
client array_cast: clean
client get_object_vars: clean
client reflection: clean
client string_cast: clean
clone var_dump: clean
clone debug_zval_dump: clean
clone print_r: clean
clone var_export: clean
clone json_encode: clean
clone json_encode_partial: clean
clone serialize: clean
clone array_cast: clean
clone get_object_vars: clean
clone reflection: clean
clone string_cast: clean
track var_dump: clean
track debug_zval_dump: clean
track print_r: clean
track var_export: clean
track json_encode: clean
track json_encode_partial: clean
track serialize: clean
track array_cast: clean
track get_object_vars: clean
track reflection: clean
track string_cast: clean
in array var_dump: clean
in array debug_zval_dump: clean
in array print_r: clean
in array var_export: clean
in array json_encode: clean
in array json_encode_partial: clean
in array serialize: clean
in array array_cast: clean
in array get_object_vars: clean (EMPTY)
in array reflection: clean (EMPTY)
in array string_cast: clean (EMPTY)
getAuth print_r: LEAKS SECRETKEY123,SITEID456,APPKEY789
serialize refusal message: clean
