using Herald.Testing;
using Microsoft.AspNetCore.Http;

namespace Herald.UnitTests.Guarantees;

public sealed class When_an_endpoint_fails_for_longer_than_DisableAfter : GuaranteeServer
{
    protected override IEnumerable<string> Settings =>
    [
        "--Delivery:DisableAfter", "00:00:01", "--Delivery:RetrySchedule", "0s,300ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms",
        "--Delivery:RetryJitter", "0", "--Delivery:SchedulerInterval", "00:00:00.100",
    ];

    [Test]
    public async Task Should_disable_the_webhook_with_the_reason_and_park_the_delivery()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        receiver.Respond = static (_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        };
        var org = NewOrganization();
        var webhookId = await SubscribeAsync(org, receiver.UrlFor("/broken"));

        var eventId = await PublishAsync(org);
        var parked = await WaitForOutcomeAsync(org, webhookId, eventId, "parked");

        var webhook = await WebhookAsync(org, webhookId);
        var attempts = parked["attempts"]!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(webhook["enabled"]!.GetValue<bool>(), Is.False);
            Assert.That(webhook["disabled_reason"]!.GetValue<string>(), Does.StartWith("no successful delivery since"));
            Assert.That(attempts, Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(Time(attempts[^1]!["completed_at"]) - Time(attempts[0]!["started_at"]), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)),
                "disabled only once failing for DisableAfter");
            Assert.That(receiver.Requests, Has.Count.EqualTo(attempts.Count));
        }
    }
}
