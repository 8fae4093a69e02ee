using System.Diagnostics;
using Herald.Contracts;
using Herald.Delivery;
using Herald.ServiceDefaults;
using Herald.Storage;
using MassTransit;
using Microsoft.AspNetCore.Http;

namespace Herald.UnitTests.Delivery;

public sealed class When_the_endpoint_answers_200 : DeliveryRig
{
    [Test]
    public async Task Should_mark_the_delivery_succeeded_and_store_the_attempt()
    {
        Receiver.Respond = (_, context) =>
        {
            context.Response.Headers["X-Receiver"] = "yes";
            return context.Response.WriteAsync("thanks");
        };
        var webhook = await AddWebhookAsync(Receiver.UrlFor("/hook"));
        var delivery = await AddDeliveryAsync();

        var attempt = await Processor.ProcessAsync(new DeliverWebhook(delivery.Id, 1), Ct);

        var stored = (await Attempts.ListByDeliveryAsync(delivery.Id, Ct)).Single();
        var after = await StoredAsync(delivery.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(attempt, Is.Not.Null);
            Assert.That(after.State, Is.EqualTo(DeliveryState.Succeeded));
            Assert.That(after.AttemptCount, Is.EqualTo(1));
            Assert.That(after.NextAttemptAt, Is.Null);
            Assert.That(after.LastStatusCode, Is.EqualTo(200));
            Assert.That(stored.Number, Is.EqualTo(1));
            Assert.That(stored.Succeeded, Is.True);
            Assert.That(stored.ErrorKind, Is.Null);
            Assert.That(stored.Request.Url, Is.EqualTo(webhook.Url));
            Assert.That(stored.Request.Method, Is.EqualTo("POST"));
            Assert.That(stored.Request.BodyEventId, Is.EqualTo(EventId));
            Assert.That(stored.Request.Headers.Select(h => h.Key), Is.EqualTo(new[]
            {
                "Content-Type", "Test", "User-Agent", "X-Herald-Org-Id", "webhook-id", "webhook-timestamp", "webhook-signature",
            }));
            Assert.That(stored.Request.Headers.Single(h => h.Key == "webhook-timestamp").Value, Is.EqualTo(T0.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(stored.Response!.StatusCode, Is.EqualTo(200));
            Assert.That(stored.Response.Body, Is.EqualTo("thanks"));
            Assert.That(stored.Response.BodyTruncated, Is.False);
            Assert.That(stored.Response.Headers, Does.Contain(new WebhookHeader("X-Receiver", "yes")));
            Assert.That(stored.StartedAt, Is.EqualTo(T0));
            Assert.That(stored.Duration, Is.EqualTo(stored.CompletedAt - stored.StartedAt));
        }
    }

    [Test]
    public async Task Should_send_the_payload_and_documented_headers_to_the_endpoint()
    {
        var webhook = await AddWebhookAsync(Receiver.UrlFor("/hook"));
        var delivery = await AddDeliveryAsync();

        await Processor.ProcessAsync(new DeliverWebhook(delivery.Id, 1), Ct);

        var received = Receiver.Requests.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(received.Method, Is.EqualTo("POST"));
            Assert.That(received.Path, Is.EqualTo("/hook"));
            Assert.That(received.Body, Is.EqualTo(Payload));
            Assert.That(received.Header("Content-Type"), Is.EqualTo(new[] { "application/json" }));
            Assert.That(received.Header("Test"), Is.EqualTo(new[] { "Webhook" }));
            Assert.That(received.Header("User-Agent"), Is.EqualTo(new[] { "Herald-Webhook/1.0" }));
            Assert.That(received.Header("X-Herald-Org-Id"), Is.EqualTo(new[] { Organization }));
            Assert.That(received.Header("webhook-id"), Is.EqualTo(new[] { delivery.Id }));
            Assert.That(received.Header("traceparent"), Is.Empty);
            Assert.That(StandardWebhooksVerifier.Verify(webhook.Secret, delivery.Id, received.Header("webhook-timestamp").Single(),
                received.Header("webhook-signature").Single(), received.Body), Is.True);
        }
    }

    [Test]
    public async Task Should_store_the_trace_id_of_the_attempt_when_traces_are_listened_to()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HeraldTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        await AddWebhookAsync(Receiver.UrlFor("/hook"));
        var delivery = await AddDeliveryAsync();

        await Processor.ProcessAsync(new DeliverWebhook(delivery.Id, 1), Ct);

        Assert.That((await Attempts.ListByDeliveryAsync(delivery.Id, Ct)).Single().TraceId, Does.Match("^[0-9a-f]{32}$"));
    }

    [Test]
    public async Task Should_send_nothing_for_a_duplicate_command_of_an_attempt_already_made()
    {
        await AddWebhookAsync(Receiver.UrlFor("/hook"));
        var delivery = await AddDeliveryAsync();
        await Processor.ProcessAsync(new DeliverWebhook(delivery.Id, 1), Ct);

        var duplicate = await Processor.ProcessAsync(new DeliverWebhook(delivery.Id, 1), Ct);
        var ahead = await Processor.ProcessAsync(new DeliverWebhook(delivery.Id, 3), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(duplicate, Is.Null);
            Assert.That(ahead, Is.Null);
            Assert.That(Receiver.Requests, Has.Count.EqualTo(1));
            Assert.That(await Attempts.ListByDeliveryAsync(delivery.Id, Ct), Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task Should_park_the_delivery_of_a_disabled_webhook_without_sending()
    {
        await AddWebhookAsync(Receiver.UrlFor("/hook"), enabled: false);
        var delivery = await AddDeliveryAsync();

        var attempt = await Processor.ProcessAsync(new DeliverWebhook(delivery.Id, 1), Ct);

        var after = await StoredAsync(delivery.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(attempt, Is.Null);
            Assert.That(after.State, Is.EqualTo(DeliveryState.Parked));
            Assert.That(after.NextAttemptAt, Is.Null);
            Assert.That(after.LastError, Does.Contain("disabled"));
            Assert.That(Receiver.Requests, Is.Empty);
        }
    }

    [Test]
    public async Task Should_attempt_when_the_consumer_receives_the_command()
    {
        await AddWebhookAsync(Receiver.UrlFor("/hook"));
        var delivery = await AddDeliveryAsync();

        var endpoint = await Harness.Bus.GetSendEndpoint(Herald.Messaging.Endpoints.DeliveryQueue);
        await endpoint.Send(new DeliverWebhook(delivery.Id, 1), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Harness.GetConsumerHarness<DeliverWebhookConsumer>().Consumed.Any<DeliverWebhook>(Ct), Is.True);
            Assert.That((await StoredAsync(delivery.Id)).State, Is.EqualTo(DeliveryState.Succeeded));
            Assert.That(Receiver.Requests, Has.Count.EqualTo(1));
        }
    }
}
