--TEST--
The extension's JSON encoding and decoding leave json_last_error() / json_last_error_msg() as they were
--INI--
customerio.retries=0
--FILE--
<?php
require __DIR__ . '/inc/common.inc';

$s = cio_server();
$c = cio_client($s);
$c->setAppAPIKey('app-key');

function state(): string
{
    return json_last_error() . ' ' . json_last_error_msg();
}

/*
 * Scripts the server's answer (TestServer uses json_* itself), then sets the JSON error state with $setState,
 * makes the call and prints the state json_last_error() reports afterwards.
 */
function step(Customerio\Tests\TestServer $s, string $label, ?array $answer, callable $setState, callable $call): void
{
    $s->reset();
    if ($answer) {
        $s->respond(...$answer);
    }
    $setState();
    $before = state();
    try {
        $result = $call();
        $outcome = 'returned ' . get_debug_type($result);
    } catch (Throwable $e) {
        $outcome = get_class($e);
    }
    printf("%-28s %-45s before [%s] after [%s]\n", $label, $outcome, $before, state());
}

$deepPayload = json_decode(str_repeat('[', 600) . str_repeat(']', 600), true, 1000);
$syntaxError = fn() => json_decode('{"broken":');
$utf8Error = fn() => json_encode("\xff");
$noError = fn() => json_encode('ok');

foreach (['syntax error' => $syntaxError, 'UTF-8 error' => $utf8Error, 'no error' => $noError] as $name => $setState) {
    echo "-- earlier state: $name\n";
    step($s, 'successful call', null, $setState, fn() => $c->post('a', ['x' => 1]));
    step($s, 'undecodable answer', [200, 'not json {'], $setState, fn() => $c->post('a', ['x' => 1]));
    step($s, 'empty answer', [200, ''], $setState, fn() => $c->post('a', ['x' => 1]));
    step($s, 'answer with a NUL byte', [200, "{\"a\":\"\0\"}"], $setState, fn() => $c->post('a', ['x' => 1]));
    step($s, 'failing encode (UTF-8)', null, $setState, fn() => $c->post('a', ['x' => "\xff"]));
    step($s, 'failing encode (NAN)', null, $setState, fn() => $c->post('a', ['x' => NAN]));
    step($s, 'failing encode (depth)', null, $setState, fn() => $c->post('a', $GLOBALS['deepPayload']));
    step($s, 'HTTP error, JSON body', [400, '{"errors":[{"reason":"x"}]}'], $setState, fn() => $c->post('a', ['x' => 1]));
    step($s, 'HTTP error, HTML body', [500, '<html>oops</html>'], $setState, fn() => $c->post('a', ['x' => 1]));
    step($s, 'Track::entity', [200, '{"ok":1}'], $setState, fn() => $c->track->entity(cio_entity()));
    step($s, 'get(raw)', [200, 'raw text'], $setState, fn() => $c->get('x', ['raw' => true]));
}
?>
--EXPECT--
-- earlier state: syntax error
successful call              returned stdClass                             before [4 Syntax error] after [4 Syntax error]
undecodable answer           returned null                                 before [4 Syntax error] after [4 Syntax error]
empty answer                 returned null                                 before [4 Syntax error] after [4 Syntax error]
answer with a NUL byte       returned null                                 before [4 Syntax error] after [4 Syntax error]
failing encode (UTF-8)       Customerio\Exception\InvalidArgumentException before [4 Syntax error] after [4 Syntax error]
failing encode (NAN)         Customerio\Exception\InvalidArgumentException before [4 Syntax error] after [4 Syntax error]
failing encode (depth)       Customerio\Exception\InvalidArgumentException before [4 Syntax error] after [4 Syntax error]
HTTP error, JSON body        Customerio\Exception\ClientException          before [4 Syntax error] after [4 Syntax error]
HTTP error, HTML body        Customerio\Exception\ServerException          before [4 Syntax error] after [4 Syntax error]
Track::entity                returned stdClass                             before [4 Syntax error] after [4 Syntax error]
get(raw)                     returned string                               before [4 Syntax error] after [4 Syntax error]
-- earlier state: UTF-8 error
successful call              returned stdClass                             before [5 Malformed UTF-8 characters, possibly incorrectly encoded] after [5 Malformed UTF-8 characters, possibly incorrectly encoded]
undecodable answer           returned null                                 before [5 Malformed UTF-8 characters, possibly incorrectly encoded] after [5 Malformed UTF-8 characters, possibly incorrectly encoded]
empty answer                 returned null                                 before [5 Malformed UTF-8 characters, possibly incorrectly encoded] after [5 Malformed UTF-8 characters, possibly incorrectly encoded]
answer with a NUL byte       returned null                                 before [5 Malformed UTF-8 characters, possibly incorrectly encoded] after [5 Malformed UTF-8 characters, possibly incorrectly encoded]
failing encode (UTF-8)       Customerio\Exception\InvalidArgumentException before [5 Malformed UTF-8 characters, possibly incorrectly encoded] after [5 Malformed UTF-8 characters, possibly incorrectly encoded]
failing encode (NAN)         Customerio\Exception\InvalidArgumentException before [5 Malformed UTF-8 characters, possibly incorrectly encoded] after [5 Malformed UTF-8 characters, possibly incorrectly encoded]
failing encode (depth)       Customerio\Exception\InvalidArgumentException before [5 Malformed UTF-8 characters, possibly incorrectly encoded] after [5 Malformed UTF-8 characters, possibly incorrectly encoded]
HTTP error, JSON body        Customerio\Exception\ClientException          before [5 Malformed UTF-8 characters, possibly incorrectly encoded] after [5 Malformed UTF-8 characters, possibly incorrectly encoded]
HTTP error, HTML body        Customerio\Exception\ServerException          before [5 Malformed UTF-8 characters, possibly incorrectly encoded] after [5 Malformed UTF-8 characters, possibly incorrectly encoded]
Track::entity                returned stdClass                             before [5 Malformed UTF-8 characters, possibly incorrectly encoded] after [5 Malformed UTF-8 characters, possibly incorrectly encoded]
get(raw)                     returned string                               before [5 Malformed UTF-8 characters, possibly incorrectly encoded] after [5 Malformed UTF-8 characters, possibly incorrectly encoded]
-- earlier state: no error
successful call              returned stdClass                             before [0 No error] after [0 No error]
undecodable answer           returned null                                 before [0 No error] after [0 No error]
empty answer                 returned null                                 before [0 No error] after [0 No error]
answer with a NUL byte       returned null                                 before [0 No error] after [0 No error]
failing encode (UTF-8)       Customerio\Exception\InvalidArgumentException before [0 No error] after [0 No error]
failing encode (NAN)         Customerio\Exception\InvalidArgumentException before [0 No error] after [0 No error]
failing encode (depth)       Customerio\Exception\InvalidArgumentException before [0 No error] after [0 No error]
HTTP error, JSON body        Customerio\Exception\ClientException          before [0 No error] after [0 No error]
HTTP error, HTML body        Customerio\Exception\ServerException          before [0 No error] after [0 No error]
Track::entity                returned stdClass                             before [0 No error] after [0 No error]
get(raw)                     returned string                               before [0 No error] after [0 No error]
