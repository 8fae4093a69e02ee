using Herald.Storage;
using static Herald.StoreTests.Contract.TestData;

namespace Herald.StoreTests.Contract;

public abstract class When_parking_and_requeueing_deliveries(IStoreTestEngine engine) : StoreContract(engine)
{
    private async Task SeedAsync()
    {
        await Deliveries.AddIfAbsentAsync(
        [
            Delivery("evt_pending", "wh_1", At(1), DeliveryState.Pending, At(10)),
            Delivery("evt_retrying", "wh_1", At(2), DeliveryState.Retrying, At(11)),
            Delivery("evt_failed_old", "wh_1", At(3), DeliveryState.Failed),
            Delivery("evt_failed_new", "wh_1", At(6), DeliveryState.Failed),
            Delivery("evt_succeeded", "wh_1", At(7), DeliveryState.Succeeded),
            Delivery("evt_other_webhook", "wh_2", At(8), DeliveryState.Pending, At(12)),
        ], Ct);
    }

    private async Task<DeliveryState> StateOf(string eventId, string webhookId = "wh_1") =>
        (await Deliveries.GetAsync(Ids.Delivery(eventId, webhookId), Ct))!.State;

    [Test]
    public async Task Should_park_only_the_webhooks_pending_and_retrying_deliveries()
    {
        await SeedAsync();

        Assert.That(await Deliveries.ParkAsync("wh_1", At(20), Ct), Is.EqualTo(2));

        var parked = await Deliveries.GetAsync(Ids.Delivery("evt_pending", "wh_1"), Ct);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parked!.State, Is.EqualTo(DeliveryState.Parked));
            Assert.That(parked.NextAttemptAt, Is.Null);
            Assert.That(await StateOf("evt_retrying"), Is.EqualTo(DeliveryState.Parked));
            Assert.That(await StateOf("evt_failed_old"), Is.EqualTo(DeliveryState.Failed));
            Assert.That(await StateOf("evt_succeeded"), Is.EqualTo(DeliveryState.Succeeded));
            Assert.That(await StateOf("evt_other_webhook", "wh_2"), Is.EqualTo(DeliveryState.Pending));
            Assert.That(await Deliveries.ClaimDueAsync(At(30), At(40), 10, Ct), Has.Count.EqualTo(1), "parked deliveries are not due");
        }
    }

    [Test]
    public async Task Should_requeue_the_given_states_since_a_time_as_due_now()
    {
        await SeedAsync();
        await Deliveries.ParkAsync("wh_1", At(20), Ct);

        var requeued = await Deliveries.RequeueAsync("wh_1", [DeliveryState.Failed, DeliveryState.Parked], since: At(2), now: At(21), Ct);

        var failed = await Deliveries.GetAsync(Ids.Delivery("evt_failed_new", "wh_1"), Ct);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requeued, Is.EqualTo(3), "evt_retrying (parked), evt_failed_old and evt_failed_new occurred at or after the time");
            Assert.That(failed!.State, Is.EqualTo(DeliveryState.Pending));
            Assert.That(failed.NextAttemptAt, Is.EqualTo(At(21)));
            Assert.That(await StateOf("evt_retrying"), Is.EqualTo(DeliveryState.Pending));
            Assert.That(await StateOf("evt_pending"), Is.EqualTo(DeliveryState.Parked), "occurred before the time");
            Assert.That(await StateOf("evt_failed_old"), Is.EqualTo(DeliveryState.Pending));
            Assert.That(await StateOf("evt_succeeded"), Is.EqualTo(DeliveryState.Succeeded));
        }
    }

    [Test]
    public async Task Should_requeue_everything_in_the_states_without_a_time()
    {
        await SeedAsync();

        Assert.That(await Deliveries.RequeueAsync("wh_1", [DeliveryState.Failed], since: null, now: At(21), Ct), Is.EqualTo(2));
        Assert.That(await Deliveries.RequeueAsync("wh_1", [], since: null, now: At(21), Ct), Is.Zero);
        var due = await Deliveries.ClaimDueAsync(At(21), At(40), 10, Ct);
        Assert.That(due.Select(d => d.EventId), Is.SupersetOf(new[] { "evt_failed_old", "evt_failed_new" }), "the requeued deliveries are due now");
    }
}
