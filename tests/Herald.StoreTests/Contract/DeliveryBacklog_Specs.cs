using Herald.Storage;
using static Herald.StoreTests.Contract.TestData;

namespace Herald.StoreTests.Contract;

public abstract class When_measuring_the_delivery_backlog(IStoreTestEngine engine) : StoreContract(engine)
{
    private static readonly DateTimeOffset Now = At(60);

    [Test]
    public async Task Should_count_open_deliveries_and_the_due_ones_with_the_oldest_due_time()
    {
        await Deliveries.AddIfAbsentAsync(
            [
                Delivery("evt_pending_due", "wh_1", At(1), DeliveryState.Pending, At(20)),
                Delivery("evt_retrying_due", "wh_1", At(1), DeliveryState.Retrying, At(50)),
                Delivery("evt_retrying_now", "wh_2", At(1), DeliveryState.Retrying, Now),
                Delivery("evt_pending_later", "wh_2", At(1), DeliveryState.Pending, Now.AddMilliseconds(1)),
                Delivery("evt_succeeded", "wh_1", At(1), DeliveryState.Succeeded, At(10)),
                Delivery("evt_failed", "wh_1", At(1), DeliveryState.Failed, At(10)),
                Delivery("evt_parked", "wh_1", At(1), DeliveryState.Parked, At(10)),
            ],
            Ct);

        var backlog = await Deliveries.GetBacklogAsync(Now, Ct);

        Assert.That(backlog, Is.EqualTo(new DeliveryBacklog { Open = 4, Due = 3, OldestDueAt = At(20) }));
    }

    [Test]
    public async Task Should_count_an_open_delivery_without_a_next_attempt_time_as_open_but_not_due()
    {
        await Deliveries.AddIfAbsentAsync(
            [
                Delivery("evt_unscheduled", "wh_1", At(1), DeliveryState.Pending),
                Delivery("evt_later", "wh_1", At(1), DeliveryState.Retrying, At(90)),
            ],
            Ct);

        var backlog = await Deliveries.GetBacklogAsync(Now, Ct);

        Assert.That(backlog, Is.EqualTo(new DeliveryBacklog { Open = 2, Due = 0, OldestDueAt = null }), "no next attempt time means no time has come");
    }

    [Test]
    public async Task Should_report_nothing_due_when_every_open_delivery_waits_for_later()
    {
        await Deliveries.AddIfAbsentAsync([Delivery("evt_later", "wh_1", At(1), DeliveryState.Retrying, At(90))], Ct);

        var waiting = await Deliveries.GetBacklogAsync(Now, Ct);
        var empty = await Deliveries.GetBacklogAsync(At(0), Ct);
        var claimed = await Deliveries.ClaimDueAsync(At(90), At(95), 10, Ct);
        var leased = await Deliveries.GetBacklogAsync(At(90), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(waiting, Is.EqualTo(new DeliveryBacklog { Open = 1, Due = 0, OldestDueAt = null }));
            Assert.That(empty.Due, Is.Zero);
            Assert.That(claimed, Has.Count.EqualTo(1));
            Assert.That(leased, Is.EqualTo(new DeliveryBacklog { Open = 1, Due = 0, OldestDueAt = null }), "a claimed delivery is not due until its lease runs out");
        }
    }
}
