using Herald.Testing;
using Microsoft.AspNetCore.Http;

namespace Herald.UnitTests.Guarantees;

public sealed class When_an_endpoint_answers_429_with_Retry_After : GuaranteeServer
{
    // The schedule alone would retry after 100 ms.
    protected override IEnumerable<string> Settings =>
        ["--Delivery:RetrySchedule", "0s,100ms", "--Delivery:RetryJitter", "0", "--Delivery:SchedulerInterval", "00:00:00.100"];

    [Test]
    public async Task Should_wait_at_least_the_Retry_After()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        receiver.Respond = static (_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "1";
            return Task.CompletedTask;
        };
        var org = NewOrganization();
        var webhookId = await SubscribeAsync(org, receiver.UrlFor("/busy"));

        var eventId = await PublishAsync(org);
        var retrying = await WaitForOutcomeAsync(org, webhookId, eventId, "retrying");
        var firstStarted = Time(retrying["attempts"]!.AsArray()[0]!["started_at"]);
        Assert.That(Time(retrying["next_attempt_at"]), Is.GreaterThanOrEqualTo(firstStarted + TimeSpan.FromSeconds(1)));

        var failed = await WaitForOutcomeAsync(org, webhookId, eventId, "failed");
        var attempts = failed["attempts"]!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(attempts, Has.Count.EqualTo(2));
            Assert.That(Time(attempts[1]!["started_at"]), Is.GreaterThanOrEqualTo(firstStarted + TimeSpan.FromSeconds(1)));
            Assert.That(attempts.Select(a => a!["response"]!["status_code"]!.GetValue<int>()), Is.EqualTo(new[] { 429, 429 }));
        }
    }
}

public sealed class When_an_endpoint_redirects : GuaranteeServer
{
    // One attempt only, so "exactly one request" does not race a retry.
    protected override IEnumerable<string> Settings => ["--Delivery:RetrySchedule", "0s"];

    [Test]
    public async Task Should_not_follow_the_redirect_and_record_the_302()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        receiver.Respond = (request, context) =>
        {
            context.Response.StatusCode = request.Path == "/moved" ? StatusCodes.Status302Found : StatusCodes.Status200OK;
            context.Response.Headers.Location = receiver.UrlFor("/elsewhere");
            return Task.CompletedTask;
        };
        var org = NewOrganization();
        var webhookId = await SubscribeAsync(org, receiver.UrlFor("/moved"));

        var eventId = await PublishAsync(org);
        var failed = await WaitForOutcomeAsync(org, webhookId, eventId, "failed");

        var row = (await EventsAsync(org, webhookId)).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(receiver.Requests.Select(r => r.Path), Is.EqualTo(new[] { "/moved" }));
            Assert.That(failed["attempts"]!.AsArray().Single()!["response"]!["status_code"]!.GetValue<int>(), Is.EqualTo(302));
            Assert.That(row["last_status_code"]!.GetValue<int>(), Is.EqualTo(302));
        }
    }
}
