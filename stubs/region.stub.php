<?php

/** @generate-class-entries */

namespace Customerio {
    class Region
    {
        /** @throws Region\InvalidRegionException unless $region is exactly 'us' or 'eu' */
        public static function factory(string $region = 'us'): Region\RegionInterface {}
    }
}

namespace Customerio\Region {
    interface RegionInterface
    {
        /** Base URL of the Track API, e.g. https://track.customer.io/api/v1/ */
        public function trackUri(string $version = 'v1'): string;

        /** Base URL of the App API, e.g. https://api.customer.io/v1/ */
        public function apiUri(): string;
    }

    class RegionUs implements RegionInterface
    {
        public function trackUri(string $version = 'v1'): string {}

        public function apiUri(): string {}
    }

    class RegionEu implements RegionInterface
    {
        /** @implementation-alias Customerio\Region\RegionUs::trackUri */
        public function trackUri(string $version = 'v1'): string {}

        /** @implementation-alias Customerio\Region\RegionUs::apiUri */
        public function apiUri(): string {}
    }

    class InvalidRegionException extends \InvalidArgumentException
    {
    }
}
