using Herald.Testing;

namespace Herald.UnitTests.Guarantees;

public sealed class When_a_black_hole_endpoint_sits_beside_a_healthy_one : GuaranteeServer
{
    protected override IEnumerable<string> Settings => IsolationRig.Settings(endpointLimit: 2);

    [Test]
    public async Task Should_keep_delivering_to_the_healthy_one_while_the_hole_holds_at_most_its_limit()
    {
        await using var hole = await BlackHole.StartAsync();
        await using var healthy = await LoopbackReceiver.StartAsync();
        var org = NewOrganization();
        var holeId = await SubscribeAsync(org, hole.Receiver.UrlFor("/hole"));
        var healthyId = await SubscribeAsync(org, healthy.UrlFor("/healthy"));

        for (var i = 0; i < IsolationRig.Records; i++)
        {
            await PublishAsync(org);
        }

        await Wait.Eventually(async () =>
        {
            var rows = await EventsAsync(org, healthyId);
            Assert.That(rows.Select(Outcome), Is.EqualTo(Enumerable.Repeat("succeeded", IsolationRig.Records)));
        }, Patience);

        var holeRows = await EventsAsync(org, holeId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(healthy.Requests, Has.Count.EqualTo(IsolationRig.Records));
            Assert.That(hole.Answered, Is.Zero, "the hole answered while the healthy endpoint was being served");
            Assert.That(hole.Receiver.Requests, Has.Count.InRange(1, 2), "requests held by the hole in this worker");
            Assert.That(holeRows.Select(Outcome), Has.None.EqualTo("succeeded"));
        }
    }
}

/// <summary>
/// The contrast that gives the isolation spec its meaning: with the endpoint limit at the worker's
/// whole capacity, the same black hole takes every slot and the healthy endpoint waits on it.
/// </summary>
public sealed class When_the_endpoint_limit_is_the_whole_worker : GuaranteeServer
{
    protected override IEnumerable<string> Settings => IsolationRig.Settings(endpointLimit: 4);

    [Test]
    public async Task Should_starve_the_healthy_endpoint_until_the_hole_lets_go()
    {
        await using var hole = await BlackHole.StartAsync();
        await using var healthy = await LoopbackReceiver.StartAsync();
        var org = NewOrganization();
        await SubscribeAsync(org, hole.Receiver.UrlFor("/hole"));
        var healthyId = await SubscribeAsync(org, healthy.UrlFor("/healthy"));

        for (var i = 0; i < IsolationRig.Records; i++)
        {
            await PublishAsync(org);
        }

        // All 4 slots of the worker hold a hole attempt: from here no healthy attempt is in progress.
        await hole.Receiver.WaitForAsync(4, Patience);
        var beforeSaturation = healthy.Requests.Count;

        // Bounded window: until the scheduler has dispatched every waiting healthy delivery again
        // (Fanout:RedispatchAfter passed, its lease taken), which a free slot would have attempted long before.
        await Wait.Eventually(async () =>
        {
            var waiting = (await EventsAsync(org, healthyId)).Where(row => Outcome(row) == "pending").ToList();
            Assert.That(waiting, Is.Not.Empty);
            Assert.That(waiting.Select(row => Time(row["next_attempt_at"]) - Time(row["date"])), Has.All.GreaterThan(TimeSpan.FromMinutes(1)));
        }, Patience);

        var whileHeld = healthy.Requests.Count;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileHeld, Is.LessThan(IsolationRig.Records));
            Assert.That(whileHeld, Is.EqualTo(beforeSaturation), "a healthy request arrived while the hole held every slot");
            Assert.That(hole.Answered, Is.Zero);
        }

        var releasedAt = DateTimeOffset.UtcNow;
        hole.Release();
        await healthy.WaitForAsync(IsolationRig.Records, Patience);
        Assert.That(healthy.Requests.Skip(whileHeld).Select(r => r.ReceivedAt), Has.All.GreaterThanOrEqualTo(releasedAt),
            "the rest of the healthy deliveries came only after the hole let go");
    }
}
