using System.Text.Json.Nodes;
using Herald.Testing;
using Microsoft.AspNetCore.Http;

namespace Herald.UnitTests.Guarantees;

public sealed class When_an_endpoint_answers_410_Gone : GuaranteeServer
{
    [Test]
    public async Task Should_disable_the_webhook_park_its_deliveries_and_replay_them_when_enabled()
    {
        await using var receiver = await GoneReceiverAsync();
        var org = NewOrganization();
        var url = receiver.UrlFor("/gone");
        var webhookId = await SubscribeAsync(org, url);

        var first = await PublishAsync(org);
        await WaitForOutcomeAsync(org, webhookId, first, "parked");
        var webhook = await WebhookAsync(org, webhookId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(webhook["enabled"]!.GetValue<bool>(), Is.False);
            Assert.That(webhook["disabled_reason"]!.GetValue<string>(), Does.EndWith("410 Gone"));
        }

        var later = await PublishAsync(org);
        var parked = await WaitForOutcomeAsync(org, webhookId, later, "parked");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(AttemptCount(parked), Is.Zero);
            Assert.That(receiver.Requests, Has.Count.EqualTo(1), "a request for a delivery created parked");
        }

        receiver.Respond = static (_, context) => context.Response.WriteAsync("back", context.RequestAborted);
        await SetEnabledAsync(org, webhookId, url, enabled: true);

        var replayedFirst = await WaitForOutcomeAsync(org, webhookId, first, "succeeded");
        var replayedLater = await WaitForOutcomeAsync(org, webhookId, later, "succeeded");
        var enabled = await WebhookAsync(org, webhookId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(receiver.Requests, Has.Count.EqualTo(3));
            Assert.That(receiver.Requests.Skip(1).Select(EventId), Is.EquivalentTo(new[] { first, later }));
            Assert.That(AttemptCount(replayedFirst), Is.EqualTo(2));
            Assert.That(AttemptCount(replayedLater), Is.EqualTo(1));
            Assert.That(enabled["enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(enabled["disabled_reason"], Is.Null);
        }
    }

    [Test]
    public async Task Should_tell_the_organizations_webhook_disabled_subscribers()
    {
        await using var gone = await GoneReceiverAsync();
        await using var operations = await LoopbackReceiver.StartAsync();
        var org = NewOrganization();
        var goneId = await SubscribeAsync(org, gone.UrlFor("/gone"));
        await SubscribeAsync(org, operations.UrlFor("/ops"), "webhook_disabled");

        await PublishAsync(org);

        await operations.WaitForAsync(1, Patience);
        var body = JsonNode.Parse(operations.Requests.Single().BodyText)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body["event_category"]!.GetValue<string>(), Is.EqualTo("webhook_disabled"));
            Assert.That(body["organization_id"]!.GetValue<string>(), Is.EqualTo(org));
            Assert.That(body["data"]!["webhook_id"]!.GetValue<string>(), Is.EqualTo(goneId));
            Assert.That(body["data"]!["reason"]!.GetValue<string>(), Does.EndWith("410 Gone"));
            Assert.That(gone.Requests, Has.Count.EqualTo(1), "the disabled webhook is not told about itself");
        }
    }

    private static async Task<LoopbackReceiver> GoneReceiverAsync()
    {
        var receiver = await LoopbackReceiver.StartAsync();
        receiver.Respond = static (_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status410Gone;
            return Task.CompletedTask;
        };
        return receiver;
    }

    private static string EventId(ReceivedRequest request) => JsonNode.Parse(request.BodyText)!["event_id"]!.GetValue<string>();
}
