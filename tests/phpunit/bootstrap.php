<?php
/*
 * PHPUnit bootstrap: checks that the extension is loaded, starts ONE local Customer.io stand-in
 * (tests/server/TestServer.php) for the whole run and loads the shared base class.
 *
 * Run: php -d extension=$PWD/modules/customerio.so $(command -v phpunit) -c phpunit.xml.dist
 */

declare(strict_types=1);

if (!extension_loaded('customerio')) {
    fwrite(STDERR, "The customerio extension is not loaded: run PHPUnit as\n"
        . "  php -d extension=\$PWD/modules/customerio.so \$(command -v phpunit) -c phpunit.xml.dist\n");
    exit(1);
}

require_once dirname(__DIR__) . '/server/TestServer.php';
require_once dirname(__DIR__) . '/server/FpmPool.php';
require_once __DIR__ . '/TestCase.php';
require_once __DIR__ . '/FpmTestCase.php';

Customerio\Tests\PHPUnit\TestCase::useServer(Customerio\Tests\TestServer::start());
