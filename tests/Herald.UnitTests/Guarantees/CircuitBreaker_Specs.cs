using Herald.Testing;
using Microsoft.AspNetCore.Http;

namespace Herald.UnitTests.Guarantees;

public sealed class When_an_endpoint_keeps_answering_503 : GuaranteeServer
{
    private const int Threshold = 4;

    // A retry every 100 ms (no jitter); a lease and a redispatch short enough to tell apart from
    // the 30 s an open circuit defers a delivery by.
    protected override IEnumerable<string> Settings =>
    [
        "--Delivery:CircuitMinimumThroughput", "4", "--Delivery:CircuitBreakDuration", "00:00:30",
        "--Delivery:RetrySchedule", "0s,100ms,100ms,100ms,100ms,100ms,100ms,100ms,100ms,100ms", "--Delivery:RetryJitter", "0",
        "--Delivery:SchedulerInterval", "00:00:00.100", "--Delivery:Timeout", "00:00:05", "--Delivery:DispatchLease", "00:00:10",
        "--Fanout:RedispatchAfter", "00:00:05",
    ];

    [Test]
    public async Task Should_defer_due_deliveries_without_a_request_once_the_circuit_opens()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        receiver.Respond = static (_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        };
        var org = NewOrganization();
        var webhookId = await SubscribeAsync(org, receiver.UrlFor("/unavailable"));

        var first = await PublishAsync(org);

        // After 4 failures the 5th attempt, due 100 ms later, is pushed out by the open circuit.
        await Wait.Eventually(async () =>
        {
            var detail = await EventAsync(org, webhookId, first);
            Assert.That(Outcome(detail), Is.EqualTo("retrying"));
            Assert.That(AttemptCount(detail), Is.EqualTo(Threshold));
            var lastAttempt = detail["attempts"]!.AsArray()[^1]!;
            Assert.That(Time(detail["next_attempt_at"]) - Time(lastAttempt["completed_at"]), Is.GreaterThan(TimeSpan.FromSeconds(20)));
        }, Patience);

        var second = await PublishAsync(org);
        await Wait.Eventually(async () =>
        {
            var detail = await EventAsync(org, webhookId, second);
            Assert.That(Outcome(detail), Is.EqualTo("pending"));
            Assert.That(Time(detail["next_attempt_at"]) - Time(detail["occurred_at"]), Is.GreaterThan(TimeSpan.FromSeconds(20)), "deferred by the open circuit");
        }, Patience);

        var firstAfter = await EventAsync(org, webhookId, first);
        var secondAfter = await EventAsync(org, webhookId, second);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(receiver.Requests, Has.Count.EqualTo(Threshold), "requests sent while the circuit is open");
            Assert.That(AttemptCount(firstAfter), Is.EqualTo(Threshold));
            Assert.That(firstAfter["attempts"]!.AsArray(), Has.Count.EqualTo(Threshold));
            Assert.That(AttemptCount(secondAfter), Is.Zero);
            Assert.That(secondAfter["attempts"]!.AsArray(), Is.Empty);
        }
    }
}
