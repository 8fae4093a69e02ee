using Herald.Storage;
using static Herald.StoreTests.Contract.StoredRecords;
using static Herald.StoreTests.Contract.TestData;

namespace Herald.StoreTests.Contract;

public abstract class When_claiming_due_deliveries(IStoreTestEngine engine) : StoreContract(engine)
{
    private static readonly DateTimeOffset Now = At(60);
    private static readonly DateTimeOffset Lease = At(65);

    [Test]
    public async Task Should_claim_only_due_pending_and_retrying_deliveries()
    {
        var pending = Delivery("evt_pending", "wh_1", At(1), DeliveryState.Pending, At(50));
        var retryingAtNow = Delivery("evt_retrying", "wh_1", At(1), DeliveryState.Retrying, Now);
        await Deliveries.AddIfAbsentAsync(
            [
                retryingAtNow,
                Delivery("evt_succeeded", "wh_1", At(1), DeliveryState.Succeeded, At(10)),
                Delivery("evt_failed", "wh_1", At(1), DeliveryState.Failed, At(10)),
                Delivery("evt_parked", "wh_1", At(1), DeliveryState.Parked, At(10)),
                Delivery("evt_future", "wh_1", At(1), DeliveryState.Pending, Now.AddMilliseconds(1)),
                Delivery("evt_unscheduled", "wh_1", At(1), DeliveryState.Pending),
                pending,
            ],
            Ct);

        var claimed = await Deliveries.ClaimDueAsync(Now, Lease, 100, Ct);

        Assert.That(IdsOf(claimed), Is.EqualTo(new[] { pending.Id, retryingAtNow.Id }));
        Assert.That(claimed.Select(d => d.NextAttemptAt), Is.All.EqualTo(Lease));
        Assert.That(claimed.Select(d => d.State), Is.EqualTo(new[] { DeliveryState.Pending, DeliveryState.Retrying }));
        Assert.That((await Deliveries.GetAsync(pending.Id, Ct))?.NextAttemptAt, Is.EqualTo(Lease));
    }

    [Test]
    public async Task Should_take_at_most_the_limit_earliest_due_first()
    {
        var dueTimes = new[] { 30, 10, 50, 20, 40 };
        await Deliveries.AddIfAbsentAsync([.. dueTimes.Select(m => Delivery($"evt_{m}", "wh_1", At(1), DeliveryState.Retrying, At(m)))], Ct);

        var claimed = await Deliveries.ClaimDueAsync(Now, Lease, 3, Ct);

        Assert.That(claimed.Select(d => d.EventId), Is.EqualTo(new[] { "evt_10", "evt_20", "evt_30" }));
    }

    [Test]
    public async Task Should_claim_nothing_the_second_time_at_the_same_time()
    {
        await Deliveries.AddIfAbsentAsync([Delivery("evt_1", "wh_1", At(1), DeliveryState.Pending, At(1))], Ct);

        var first = await Deliveries.ClaimDueAsync(Now, Lease, 10, Ct);
        var second = await Deliveries.ClaimDueAsync(Now, Lease, 10, Ct);

        Assert.That(first, Has.Count.EqualTo(1));
        Assert.That(second, Is.Empty);
    }

    [Test]
    public async Task Should_keep_the_rest_of_the_delivery_as_stored()
    {
        var delivery = Delivery("evt_1", "wh_1", At(1), DeliveryState.Retrying, At(1)) with { AttemptCount = 3, LastStatusCode = 502, LastError = "HTTP 502" };
        await Deliveries.AddIfAbsentAsync([delivery], Ct);

        var claimed = await Deliveries.ClaimDueAsync(Now, Lease, 10, Ct);

        Assert.That(claimed, Has.Count.EqualTo(1));
        Assert.That(claimed[0] with { UpdatedAt = delivery.UpdatedAt }, Is.EqualTo(delivery with { NextAttemptAt = Lease }));
    }

    [Test]
    public async Task Should_never_give_two_concurrent_claimers_the_same_delivery()
    {
        await Deliveries.AddIfAbsentAsync([.. Enumerable.Range(0, 50).Select(i => Delivery($"evt_{i:D2}", "wh_1", At(1), DeliveryState.Pending, At(i % 7)))], Ct);

        var claims = await Task.WhenAll(
            Task.Run(() => Deliveries.ClaimDueAsync(Now, Lease, 30, Ct), Ct),
            Task.Run(() => Deliveries.ClaimDueAsync(Now, Lease, 30, Ct), Ct));

        // How the 50 split between the claimers is not part of the contract: SQLite takes a batch
        // in one transaction (30 and 20), MongoDB one delivery at a time, interleaved.
        var all = claims.SelectMany(IdsOf).ToList();
        Assert.That(all, Is.Unique);
        Assert.That(all, Has.Count.EqualTo(50));
        Assert.That(claims.Select(c => c.Count), Is.All.InRange(0, 30));
    }
}
