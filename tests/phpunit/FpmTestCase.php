<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Tests\FpmPool;

/** A test class with one private php-fpm pool for all its tests (tests/server/FpmPool.php), skipped without one. */
abstract class FpmTestCase extends TestCase
{
    protected static ?FpmPool $pool = null;

    /** Starts the class's pool: pages (file name => PHP source) served by $children workers. */
    protected static function startPool(array $pages, int $children): void
    {
        static::$pool = FpmPool::start($pages, self::extensionPath(), $children);
    }

    public static function tearDownAfterClass(): void
    {
        if (static::$pool !== null) {
            static::$pool->stop();
            static::$pool = null;
        }
    }

    protected function setUp(): void
    {
        parent::setUp();
        if (static::$pool === null) {
            $this->markTestSkipped(FpmPool::missing() ?: 'php-fpm did not start');
        }
    }
}
