--TEST--
Track, Base, Region and exception objects made without their constructor: methods work or throw clearly
--FILE--
<?php
require __DIR__ . '/inc/common.inc';
require __DIR__ . '/inc/uninit.inc';

function bare(string $class): object
{
    return (new ReflectionClass($class))->newInstanceWithoutConstructor();
}

echo "-- Track\n";
$t = bare(Customerio\Endpoint\Track::class);
echo 'entity(valid): ', cio_outcome(fn() => $t->entity(cio_entity())), "\n";
echo 'batch(valid): ', cio_outcome(fn() => $t->batch(['batch' => []])), "\n";
// validation comes before the client is looked at
echo 'entity([]): ', cio_outcome(fn() => $t->entity([])), "\n";
echo 'batch([]): ', cio_outcome(fn() => $t->batch([])), "\n";
echo 'generatePath: ', cio_outcome(fn() => $t->generatePath('customers', 7, ['events'])), "\n";
$a = bare('Customerio\Track'); // the alias
echo 'alias entity(valid): ', cio_outcome(fn() => $a->entity(cio_entity())), "\n";

echo "-- Track with a client that is not an object / not a Client\n";
echo 'null: ', cio_outcome(fn() => (new Customerio\Endpoint\Track(null))->entity(cio_entity())), "\n";
echo 'string: ', cio_outcome(fn() => (new Customerio\Endpoint\Track('client'))->entity(cio_entity())), "\n";
echo 'stdClass: ', cio_outcome(fn() => (new Customerio\Endpoint\Track(new stdClass))->entity(cio_entity())), "\n";
class NotARegionClient { public function getRegion() { return 'us'; } }
$bad = new NotARegionClient();
echo 'getRegion() not a region: ', cio_outcome(fn() => (new Customerio\Endpoint\Track($bad))->entity(cio_entity())), "\n";

echo "-- Base\n";
$b = bare(Customerio\Endpoint\Base::class);
echo 'generatePath: ', cio_outcome(fn() => $b->generatePath('a', '', ['b', 'c'])), "\n";

echo "-- Regions\n";
foreach ([Customerio\Region\RegionUs::class, Customerio\Region\RegionEu::class] as $class) {
    $r = bare($class);
    echo $class, ': ', $r->trackUri(), ' ', $r->trackUri('v2'), ' ', $r->apiUri(), "\n";
    $c = clone $r;
    echo 'clone: ', $c->trackUri('v2'), "\n";
}
$region = bare(Customerio\Region::class);
echo 'Region::factory via bare object: ', get_class($region::factory('eu')), "\n";
$e = bare(Customerio\Region\InvalidRegionException::class);
echo 'InvalidRegionException: ', var_export($e->getMessage(), true), "\n";

echo "-- Exceptions\n";
$classes = ['TransferException', 'RequestException', 'BadResponseException', 'ClientException', 'ServerException',
    'ConnectException', 'InvalidArgumentException'];
foreach ($classes as $short) {
    $e = bare("Customerio\\Exception\\$short");
    $out = [];
    foreach (['getMethod', 'getUrl', 'hasResponse', 'getStatusCode', 'getResponseHeaders', 'getResponseBody', 'getErrors',
                 'getMessage', 'getCode', 'getPrevious'] as $m) {
        if (method_exists($e, $m)) {
            $out[] = "$m=" . str_replace("\n", '', var_export($e->$m(), true));
        }
    }
    echo $short, ': ', implode(' ', $out), "\n";
    // throwing and catching one is fine, too
    try {
        throw $e;
    } catch (Customerio\Exception\CustomerioException $caught) {
        echo '  caught as CustomerioException, string starts with: ', strtok((string) $caught, "\n"), "\n";
    }
}
?>
--EXPECTF--
-- Track
entity(valid): Error: Customerio\Endpoint\Track has no client: construct it with a Customerio\Client
batch(valid): Error: Customerio\Endpoint\Track has no client: construct it with a Customerio\Client
entity([]): Customerio\Exception\RequestException: Operation type is required!
batch([]): Customerio\Exception\RequestException: Batch paremeter is required!
generatePath: returned 'customers/7/events'
alias entity(valid): Error: Customerio\Endpoint\Track has no client: construct it with a Customerio\Client
-- Track with a client that is not an object / not a Client
null: Error: Customerio\Endpoint\Track has no client: construct it with a Customerio\Client
string: Error: Customerio\Endpoint\Track has no client: construct it with a Customerio\Client
stdClass: Error: Call to undefined method stdClass::getRegion()
getRegion() not a region: Error: NotARegionClient::getRegion() did not return a region
-- Base
generatePath: returned 'a/b/c'
-- Regions
Customerio\Region\RegionUs: https://track.customer.io/api/v1/ https://track.customer.io/api/v2/ https://api.customer.io/v1/
clone: https://track.customer.io/api/v2/
Customerio\Region\RegionEu: https://track-eu.customer.io/api/v1/ https://track-eu.customer.io/api/v2/ https://api-eu.customer.io/v1/
clone: https://track-eu.customer.io/api/v2/
Region::factory via bare object: Customerio\Region\RegionEu
InvalidRegionException: ''
-- Exceptions
TransferException: getMethod='' getUrl='' getMessage='' getCode=0 getPrevious=NULL
  caught as CustomerioException, string starts with: Customerio\Exception\TransferException in %s:%d
RequestException: getMethod='' getUrl='' hasResponse=false getStatusCode=NULL getResponseHeaders=array () getResponseBody=NULL getErrors=array () getMessage='' getCode=0 getPrevious=NULL
  caught as CustomerioException, string starts with: Customerio\Exception\RequestException in %s:%d
BadResponseException: getMethod='' getUrl='' hasResponse=false getStatusCode=NULL getResponseHeaders=array () getResponseBody=NULL getErrors=array () getMessage='' getCode=0 getPrevious=NULL
  caught as CustomerioException, string starts with: Customerio\Exception\BadResponseException in %s:%d
ClientException: getMethod='' getUrl='' hasResponse=false getStatusCode=NULL getResponseHeaders=array () getResponseBody=NULL getErrors=array () getMessage='' getCode=0 getPrevious=NULL
  caught as CustomerioException, string starts with: Customerio\Exception\ClientException in %s:%d
ServerException: getMethod='' getUrl='' hasResponse=false getStatusCode=NULL getResponseHeaders=array () getResponseBody=NULL getErrors=array () getMessage='' getCode=0 getPrevious=NULL
  caught as CustomerioException, string starts with: Customerio\Exception\ServerException in %s:%d
ConnectException: getMethod='' getUrl='' getMessage='' getCode=0 getPrevious=NULL
  caught as CustomerioException, string starts with: Customerio\Exception\ConnectException in %s:%d
InvalidArgumentException: getMessage='' getCode=0 getPrevious=NULL
  caught as CustomerioException, string starts with: Customerio\Exception\InvalidArgumentException in %s:%d
