using Herald.Contracts;
using Herald.Storage;

namespace Herald.UnitTests.Delivery;

public sealed class When_the_worker_stops_mid_attempt : DeliveryRig
{
    [Test]
    public async Task Should_record_the_interrupted_attempt_and_make_the_delivery_due_again()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Receiver.Respond = async (_, context) => await hold.Task.WaitAsync(context.RequestAborted);
        var webhook = await AddWebhookAsync(Receiver.UrlFor("/hook"));
        var delivery = await AddDeliveryAsync(webhook.Id);
        using var stopping = new CancellationTokenSource();

        var processing = Processor.ProcessAsync(new DeliverWebhook(delivery.Id, 1), stopping.Token);
        await Receiver.WaitForAsync(1, TimeSpan.FromSeconds(10));
        await stopping.CancelAsync();
        var attempt = await processing.WaitAsync(TimeSpan.FromSeconds(10));
        hold.SetResult();

        var stored = await StoredAsync(delivery.Id);
        var recorded = await Attempts.ListByDeliveryAsync(delivery.Id, Ct);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(attempt?.ErrorKind, Is.EqualTo(AttemptErrorKind.Interrupted));
            Assert.That(recorded, Has.Count.EqualTo(1), "the request that went out has its record");
            Assert.That(recorded[0].Error, Does.StartWith("interrupted"));
            Assert.That(stored.State, Is.EqualTo(DeliveryState.Retrying));
            Assert.That(stored.AttemptCount, Is.EqualTo(1));
            Assert.That(stored.NextAttemptAt, Is.LessThanOrEqualTo(Time.GetUtcNow()), "due again at once");
            Assert.That((await Webhooks.FindAsync(webhook.Id, Ct))!.FailingSince, Is.Null, "an interruption says nothing about the endpoint");
        }
    }
}
