--TEST--
Regions: 'eu' gives RegionEu and the EU hosts; anything but exactly 'us' or 'eu' throws InvalidRegionException
--FILE--
<?php
$c = new Customerio\Client('k', 's', ['region' => 'eu']);
$r = $c->getRegion();
var_dump(get_class($r), $r instanceof Customerio\Region\RegionInterface);
var_dump($r->trackUri('v2'), $r->trackUri(), $r->apiUri());

$us = new Customerio\Client('k', 's');
var_dump(get_class($us->getRegion()), $us->getRegion()->trackUri('v2'), $us->getRegion()->apiUri());
var_dump(get_class((new Customerio\Client('k', 's', ['region' => 'us']))->getRegion()));

echo "-- setRegion\n";
$us->setRegion('eu');
var_dump(get_class($us->getRegion()), $us->getRegion()->trackUri('v2'));
$us->setRegion('us');
var_dump(get_class($us->getRegion()));

echo "-- Region::factory\n";
var_dump(get_class(Customerio\Region::factory()), get_class(Customerio\Region::factory('us')),
    get_class(Customerio\Region::factory('eu')));

echo "-- unknown regions\n";
$bad = ['EU', 'au', 'Us', ' eu', 'eu ', '', "eu\0"];
foreach ($bad as $name) {
    $label = addcslashes($name, "\0");
    foreach ([
        'constructor' => fn() => new Customerio\Client('k', 's', ['region' => $name]),
        'setRegion' => fn() => $c->setRegion($name),
        'factory' => fn() => Customerio\Region::factory($name),
    ] as $how => $fn) {
        try {
            $fn();
            echo "'$label' $how: accepted\n";
        } catch (Customerio\Region\InvalidRegionException $e) {
            echo "'$label' $how: ", get_class($e), ': ', addcslashes($e->getMessage(), "\0"), "\n";
        }
    }
}
// a failed setRegion() leaves the region alone
var_dump(get_class($c->getRegion()));
var_dump((new Customerio\Region\InvalidRegionException('x')) instanceof InvalidArgumentException);

echo "-- region option type\n";
try {
    new Customerio\Client('k', 's', ['region' => 1]);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECTF--
string(26) "Customerio\Region\RegionEu"
bool(true)
string(36) "https://track-eu.customer.io/api/v2/"
string(36) "https://track-eu.customer.io/api/v1/"
string(30) "https://api-eu.customer.io/v1/"
string(26) "Customerio\Region\RegionUs"
string(33) "https://track.customer.io/api/v2/"
string(27) "https://api.customer.io/v1/"
string(26) "Customerio\Region\RegionUs"
-- setRegion
string(26) "Customerio\Region\RegionEu"
string(36) "https://track-eu.customer.io/api/v2/"
string(26) "Customerio\Region\RegionUs"
-- Region::factory
string(26) "Customerio\Region\RegionUs"
string(26) "Customerio\Region\RegionUs"
string(26) "Customerio\Region\RegionEu"
-- unknown regions
'EU' constructor: Customerio\Region\InvalidRegionException: Unknown region: EU
'EU' setRegion: Customerio\Region\InvalidRegionException: Unknown region: EU
'EU' factory: Customerio\Region\InvalidRegionException: Unknown region: EU
'au' constructor: Customerio\Region\InvalidRegionException: Unknown region: au
'au' setRegion: Customerio\Region\InvalidRegionException: Unknown region: au
'au' factory: Customerio\Region\InvalidRegionException: Unknown region: au
'Us' constructor: Customerio\Region\InvalidRegionException: Unknown region: Us
'Us' setRegion: Customerio\Region\InvalidRegionException: Unknown region: Us
'Us' factory: Customerio\Region\InvalidRegionException: Unknown region: Us
' eu' constructor: Customerio\Region\InvalidRegionException: Unknown region:  eu
' eu' setRegion: Customerio\Region\InvalidRegionException: Unknown region:  eu
' eu' factory: Customerio\Region\InvalidRegionException: Unknown region:  eu
'eu ' constructor: Customerio\Region\InvalidRegionException: Unknown region: eu 
'eu ' setRegion: Customerio\Region\InvalidRegionException: Unknown region: eu 
'eu ' factory: Customerio\Region\InvalidRegionException: Unknown region: eu 
'' constructor: Customerio\Region\InvalidRegionException: Unknown region: 
'' setRegion: Customerio\Region\InvalidRegionException: Unknown region: 
'' factory: Customerio\Region\InvalidRegionException: Unknown region: 
'eu\000' constructor: Customerio\Region\InvalidRegionException: Unknown region: eu%S
'eu\000' setRegion: Customerio\Region\InvalidRegionException: Unknown region: eu%S
'eu\000' factory: Customerio\Region\InvalidRegionException: Unknown region: eu%S
string(26) "Customerio\Region\RegionEu"
bool(true)
-- region option type
TypeError: Customerio\Client option "region" must be of type string, int given
