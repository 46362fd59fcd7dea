<?php

declare(strict_types=1);

namespace Customerio\Tests\PHPUnit;

use Customerio\Endpoint\Base;

/** Base's public path helpers, as the SDK defines them: prefix, id unless empty, extra parts, joined with '/'. */
final class PathHelpersTest extends TestCase
{
    private function base(): Base
    {
        return new Base($this->client());
    }

    public function testGeneratePathJoinsPrefixIdAndExtra(): void
    {
        $base = $this->base();

        $this->assertSame('p/5/a/b', $base->generatePath('p', 5, ['a', 'b']));
        $this->assertSame('p/x', $base->generatePath('p', 'x'));
        $this->assertSame('p', $base->generatePath('p'));
        $this->assertSame('p/7/2/x', $base->generatePath('p', 7, [2, 'x']));
        $this->assertSame('customers/u1/devices/tok', $base->generatePath('customers', 'u1', ['devices', 'tok']));
    }

    public static function emptyIds(): array
    {
        return ['null' => [null], 'zero' => [0], 'empty string' => [''], 'zero string' => ['0'], 'false' => [false]];
    }

    /** @dataProvider emptyIds */
    #[\PHPUnit\Framework\Attributes\DataProvider('emptyIds')]
    public function testEmptyIdIsDropped($id): void
    {
        $base = $this->base();

        $this->assertSame('p', $base->generatePath('p', $id));
        $this->assertSame('p/a/b', $base->generatePath('p', $id, ['a', 'b']));
        $this->assertSame('customers/events', $base->customerPath($id, ['events']));
    }

    public function testHelpersAreRawJoinsLikeTheSdk(): void
    {
        // the helpers are the SDK's string builders; the endpoints escape ids themselves
        $this->assertSame('customers/a b', $this->base()->customerPath('a b'));
    }

    public static function helpers(): array
    {
        return [
            'customerPath' => ['customerPath', 'customers'],
            'campaignPath' => ['campaignPath', 'campaigns'],
            'messagesPath' => ['messagesPath', 'messages'],
            'messagesTemplatesPath' => ['messagesTemplatesPath', 'msg_templates'],
            'newslettersPath' => ['newslettersPath', 'newsletters'],
            'segmentsPath' => ['segmentsPath', 'segments'],
            'exportsPath' => ['exportsPath', 'exports'],
            'activitiesPath' => ['activitiesPath', 'activities'],
            'collectionsPath' => ['collectionsPath', 'collections'],
            'senderIdentitiesPath' => ['senderIdentitiesPath', 'sender_identities'],
        ];
    }

    /** @dataProvider helpers */
    #[\PHPUnit\Framework\Attributes\DataProvider('helpers')]
    public function testHelperPrefix(string $helper, string $prefix): void
    {
        $base = $this->base();

        $this->assertSame($prefix, $base->$helper(null));
        $this->assertSame("$prefix/12", $base->$helper(12));
        $this->assertSame("$prefix/12/metrics", $base->$helper(12, ['metrics']));
        $this->assertSame("$prefix/x/y", $base->$helper(null, ['x', 'y']));
        $this->assertSame($base->generatePath($prefix, 34, ['used_by']), $base->$helper(34, ['used_by']));
    }

    public function testHelpersWithoutArguments(): void
    {
        $base = $this->base();

        $this->assertSame('customers', $base->customerPath());
        $this->assertSame('campaigns', $base->campaignPath());
        $this->assertSame('messages', $base->messagesPath());
        $this->assertSame('newsletters', $base->newslettersPath());
        $this->assertSame('segments', $base->segmentsPath());
        $this->assertSame('exports', $base->exportsPath());
        $this->assertSame('activities', $base->activitiesPath());
        $this->assertSame('collections', $base->collectionsPath());
        $this->assertSame('sender_identities', $base->senderIdentitiesPath());
    }

    public function testStringIdsInHelpers(): void
    {
        $base = $this->base();

        $this->assertSame('customers/ann@example.com/attributes', $base->customerPath('ann@example.com', ['attributes']));
        $this->assertSame('sender_identities/si-1/used_by', $base->senderIdentitiesPath('si-1', ['used_by']));
        $this->assertSame('msg_templates/t1/metrics', $base->messagesTemplatesPath('t1', ['metrics']));
    }

    public function testCollectionsPathTakesAnIntOrNull(): void
    {
        $base = $this->base();

        $this->assertSame('collections/4/content', $base->collectionsPath(4, ['content']));
        $this->assertSame('collections', $base->collectionsPath(null));
        $this->expectException(\TypeError::class);
        $base->collectionsPath('abc');
    }

    public function testHelpersAreAvailableOnEveryEndpoint(): void
    {
        $client = $this->client();

        $this->assertSame('customers/9/devices', $client->customers->devices->customerPath(9, ['devices']));
        $this->assertSame('segments/3/add_customers', $client->segments->segmentsPath(3, ['add_customers']));
        $this->assertSame('campaigns/1/actions/2', $client->campaigns()->campaignPath(1, ['actions', 2]));
        $this->assertNothingSent();
    }
}
