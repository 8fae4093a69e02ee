using Herald.Contracts;
using Herald.Delivery;
using Herald.Storage;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.UnitTests.Delivery;

public sealed class When_the_retry_scheduler_runs : DeliveryRig
{
    protected override bool WithConsumer => false;

    private RetryScheduler Scheduler => Services.GetRequiredService<RetryScheduler>();

    private List<DeliverWebhook> Sent() => [.. Harness.Sent.Select<DeliverWebhook>(Ct).Select(m => m.Context.Message)];

    [Test]
    public async Task Should_dispatch_only_due_deliveries_with_the_next_attempt_number()
    {
        var retrying = await AddDeliveryAsync("wh_retrying", DeliveryState.Retrying, attempts: 2, nextAttemptAt: T0.AddSeconds(-1));
        var pending = await AddDeliveryAsync("wh_pending", DeliveryState.Pending, attempts: 0, nextAttemptAt: T0);
        await AddDeliveryAsync("wh_later", DeliveryState.Retrying, attempts: 1, nextAttemptAt: T0.AddMinutes(5));
        await AddDeliveryAsync("wh_done", DeliveryState.Succeeded, attempts: 1, nextAttemptAt: T0.AddSeconds(-10));

        var dispatched = await Scheduler.DispatchDueAsync(Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dispatched, Is.EqualTo(2));
            Assert.That(await Harness.Sent.Any<DeliverWebhook>(Ct), Is.True);
            Assert.That(Sent(), Is.EquivalentTo(new[] { new DeliverWebhook(retrying.Id, 3), new DeliverWebhook(pending.Id, 1) }));
            Assert.That((await StoredAsync(retrying.Id)).NextAttemptAt, Is.EqualTo(T0 + new DeliveryOptions().DispatchLease));
        }
    }

    [Test]
    public async Task Should_not_dispatch_a_claimed_delivery_again_until_its_lease_ends()
    {
        var retrying = await AddDeliveryAsync("wh_retrying", DeliveryState.Retrying, attempts: 1, nextAttemptAt: T0);
        await Scheduler.DispatchDueAsync(Ct);

        var again = await Scheduler.DispatchDueAsync(Ct);
        Time.Advance(new DeliveryOptions().DispatchLease);
        var afterLease = await Scheduler.DispatchDueAsync(Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Is.Zero);
            Assert.That(afterLease, Is.EqualTo(1));
            Assert.That(Sent(), Is.EqualTo(new[] { new DeliverWebhook(retrying.Id, 2), new DeliverWebhook(retrying.Id, 2) }));
        }
    }

    [Test]
    public async Task Should_dispatch_a_delivery_once_virtual_time_reaches_it()
    {
        var later = await AddDeliveryAsync("wh_later", DeliveryState.Retrying, attempts: 1, nextAttemptAt: T0.AddMinutes(5));

        var before = await Scheduler.DispatchDueAsync(Ct);
        Time.Advance(TimeSpan.FromMinutes(5));
        var after = await Scheduler.DispatchDueAsync(Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.Zero);
            Assert.That(after, Is.EqualTo(1));
            Assert.That(Sent(), Is.EqualTo(new[] { new DeliverWebhook(later.Id, 2) }));
        }
    }
}
