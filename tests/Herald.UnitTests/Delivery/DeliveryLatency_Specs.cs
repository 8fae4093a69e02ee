using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Herald.Contracts;
using Microsoft.AspNetCore.Http;

namespace Herald.UnitTests.Delivery;

public sealed class When_a_delivery_reaches_its_final_state : DeliveryRig
{
    private readonly ConcurrentQueue<(double Seconds, string? Outcome)> latencies = new();
    private MeterListener listener = null!;

    protected override Dictionary<string, string?> Settings => new() { ["Delivery:RetrySchedule"] = "0s,5s" };

    [SetUp]
    public void Listen()
    {
        latencies.Clear();
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Herald" && instrument.Name == "herald.delivery.latency")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            string? outcome = null;
            foreach (var tag in tags)
            {
                outcome = tag.Key == "herald.outcome" ? tag.Value as string : outcome;
            }

            latencies.Enqueue((value, outcome));
        });
        listener.Start();
    }

    [TearDown]
    public void StopListening() => listener.Dispose();

    [Test]
    public async Task Should_record_the_time_from_its_creation_to_success()
    {
        await AddWebhookAsync(Receiver.UrlFor("/hook"));
        var delivery = await AddDeliveryAsync();
        Time.Advance(TimeSpan.FromSeconds(90));

        await Processor.ProcessAsync(new DeliverWebhook(delivery.Id, 1), Ct);

        Assert.That(latencies, Does.Contain((90.0, (string?)"succeeded")));
    }

    [Test]
    public async Task Should_record_it_once_the_last_retry_failed_and_not_before()
    {
        Receiver.Respond = (_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        };
        await AddWebhookAsync(Receiver.UrlFor("/hook"));
        var delivery = await AddDeliveryAsync();

        await Processor.ProcessAsync(new DeliverWebhook(delivery.Id, 1), Ct);
        var afterFirst = latencies.Count(l => l.Outcome == "retrying");
        Time.Advance(TimeSpan.FromMinutes(10));
        await Processor.ProcessAsync(new DeliverWebhook(delivery.Id, 2), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterFirst, Is.Zero, "a delivery still retrying has no final latency");
            Assert.That(latencies, Does.Contain((600.0, (string?)"failed")));
        }
    }
}
