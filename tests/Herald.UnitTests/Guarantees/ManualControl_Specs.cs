using Herald.Testing;
using Microsoft.AspNetCore.Http;

namespace Herald.UnitTests.Guarantees;

public sealed class When_an_operator_redelivers_or_recovers : GuaranteeServer
{
    // One attempt per delivery: a 500 fails it at once, and only an operator sends it again.
    protected override IEnumerable<string> Settings => ["--Delivery:RetrySchedule", "0s", "--Delivery:SchedulerInterval", "00:00:00.100"];

    [Test]
    public async Task Should_redeliver_a_succeeded_event_with_the_same_webhook_id()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var org = NewOrganization();
        var webhookId = await SubscribeAsync(org, receiver.UrlFor("/hook"));
        var eventId = await PublishAsync(org);
        await WaitForOutcomeAsync(org, webhookId, eventId, "succeeded");

        var (status, body) = await SendAsync(HttpMethod.Post, $"/v1/webhooks/{webhookId}/events/{eventId}/redeliver", org);
        Assert.That(status, Is.EqualTo(202), body?.ToJsonString());

        await receiver.WaitForAsync(2, Patience);
        var detail = await WaitForOutcomeAsync(org, webhookId, eventId, "succeeded");
        await Wait.Eventually(async () => Assert.That(AttemptCount(await EventAsync(org, webhookId, eventId)), Is.EqualTo(2)), Patience);
        var ids = receiver.Requests.Select(r => r.Header("webhook-id").Single()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(receiver.Requests, Has.Count.EqualTo(2));
            Assert.That(ids[1], Is.EqualTo(ids[0]));
            Assert.That(detail["delivery_id"]!.GetValue<string>(), Is.EqualTo(ids[0]));
        }
    }

    [Test]
    public async Task Should_refuse_to_redeliver_to_a_disabled_webhook()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var org = NewOrganization();
        var url = receiver.UrlFor("/hook");
        var webhookId = await SubscribeAsync(org, url);
        var eventId = await PublishAsync(org);
        await WaitForOutcomeAsync(org, webhookId, eventId, "succeeded");
        await SetEnabledAsync(org, webhookId, url, enabled: false);

        var (status, _) = await SendAsync(HttpMethod.Post, $"/v1/webhooks/{webhookId}/events/{eventId}/redeliver", org);

        Assert.That(status, Is.EqualTo(409));
        Assert.That(AttemptCount(await EventAsync(org, webhookId, eventId)), Is.EqualTo(1));
    }

    [Test]
    public async Task Should_not_find_an_unknown_event_or_another_organizations_webhook()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var org = NewOrganization();
        var webhookId = await SubscribeAsync(org, receiver.UrlFor("/hook"));
        var eventId = await PublishAsync(org);
        await WaitForOutcomeAsync(org, webhookId, eventId, "succeeded");

        var unknown = await SendAsync(HttpMethod.Post, $"/v1/webhooks/{webhookId}/events/evt_{Guid.NewGuid()}/redeliver", org);
        var stranger = await SendAsync(HttpMethod.Post, $"/v1/webhooks/{webhookId}/events/{eventId}/redeliver", NewOrganization());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unknown.Status, Is.EqualTo(404));
            Assert.That(stranger.Status, Is.EqualTo(404));
            Assert.That(AttemptCount(await EventAsync(org, webhookId, eventId)), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Should_recover_the_failed_deliveries_since_the_time_given_and_leave_earlier_ones()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        receiver.Respond = static (_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        };
        var org = NewOrganization();
        var webhookId = await SubscribeAsync(org, receiver.UrlFor("/hook"));
        string[] earlier = [await PublishAsync(org), await PublishAsync(org)];
        foreach (var eventId in earlier)
        {
            await WaitForOutcomeAsync(org, webhookId, eventId, "failed");
        }

        string[] later = [await PublishAsync(org), await PublishAsync(org)];
        var laterDetails = new List<System.Text.Json.Nodes.JsonNode>();
        foreach (var eventId in later)
        {
            laterDetails.Add(await WaitForOutcomeAsync(org, webhookId, eventId, "failed"));
        }

        var since = laterDetails.Min(detail => Time(detail["occurred_at"]));
        receiver.Respond = static (_, context) => context.Response.WriteAsync("ok", context.RequestAborted);

        var (status, body) = await SendAsync(HttpMethod.Post, $"/v1/webhooks/{webhookId}/recover", org, new { since });
        Assert.That(status, Is.EqualTo(202), body?.ToJsonString());
        Assert.That(body!["requeued"]!.GetValue<int>(), Is.EqualTo(2));

        foreach (var eventId in later)
        {
            var recovered = await WaitForOutcomeAsync(org, webhookId, eventId, "succeeded");
            Assert.That(AttemptCount(recovered), Is.EqualTo(2));
        }

        foreach (var eventId in earlier)
        {
            var untouched = await EventAsync(org, webhookId, eventId);
            Assert.That((Outcome(untouched), AttemptCount(untouched)), Is.EqualTo(("failed", 1)));
        }

        Assert.That(receiver.Requests, Has.Count.EqualTo(6));
    }

    [Test]
    public async Task Should_refuse_to_recover_without_since()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var org = NewOrganization();
        var webhookId = await SubscribeAsync(org, receiver.UrlFor("/hook"));

        var (status, body) = await SendAsync(HttpMethod.Post, $"/v1/webhooks/{webhookId}/recover", org, new { });

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body!["errors"]!["since"], Is.Not.Null, body.ToJsonString());
    }
}
