using Herald.Delivery;
using Microsoft.Extensions.Options;

namespace Herald.UnitTests.Delivery;

public class When_a_webhook_is_at_its_concurrency_limit
{
    [Test]
    public async Task Should_defer_the_next_attempt_without_sending_it_and_let_other_webhooks_through()
    {
        using var gates = new EndpointGates(Options.Create(new DeliveryOptions { EndpointConcurrencyLimit = 2, DeferDelay = TimeSpan.FromSeconds(3), EndpointSlotWait = TimeSpan.FromMilliseconds(50) }), TimeProvider.System);
        var release = new TaskCompletionSource<SendResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = 0;
        ValueTask<SendResult> Hang(CancellationToken _)
        {
            Interlocked.Increment(ref sent);
            return new ValueTask<SendResult>(release.Task);
        }

        var first = gates.SendAsync("wh_slow", Hang, CancellationToken.None);
        var second = gates.SendAsync("wh_slow", Hang, CancellationToken.None);
        var third = await gates.SendAsync("wh_slow", Hang, CancellationToken.None);
        var other = await gates.SendAsync("wh_fast", _ => ValueTask.FromResult(AttemptOutcomeData.Answer(200)), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(third.Sent, Is.Null);
            Assert.That(third.DeferFor, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(third.Reason, Does.Contain("concurrency limit"));
            Assert.That(sent, Is.EqualTo(2));
            Assert.That(other.Sent?.Response?.StatusCode, Is.EqualTo(200));
        }

        release.SetResult(AttemptOutcomeData.Answer(200));
        Assert.That((await first).Sent, Is.Not.Null);
        Assert.That((await second).Sent, Is.Not.Null);
        var after = await gates.SendAsync("wh_slow", _ => ValueTask.FromResult(AttemptOutcomeData.Answer(200)), CancellationToken.None);
        Assert.That(after.Sent, Is.Not.Null, "the slots are free again once the hanging attempts end");
    }
}

public class When_a_burst_exceeds_a_webhooks_limit_briefly
{
    [Test]
    public async Task Should_wait_for_a_free_slot_instead_of_deferring()
    {
        using var gates = new EndpointGates(Options.Create(new DeliveryOptions { EndpointConcurrencyLimit = 1, EndpointSlotWait = TimeSpan.FromSeconds(30) }), TimeProvider.System);
        var release = new TaskCompletionSource<SendResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = gates.SendAsync("wh_busy", _ => new ValueTask<SendResult>(release.Task), CancellationToken.None);
        var second = gates.SendAsync("wh_busy", _ => ValueTask.FromResult(AttemptOutcomeData.Answer(200)), CancellationToken.None);

        Assert.That(second.IsCompleted, Is.False, "the second attempt waits for the slot");
        release.SetResult(AttemptOutcomeData.Answer(200));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await first).Sent, Is.Not.Null);
            Assert.That((await second).Sent?.Response?.StatusCode, Is.EqualTo(200), "sent once the slot was free, not deferred");
        }
    }
}

public class When_a_webhook_keeps_failing
{
    private static EndpointGates Gates() => new(Options.Create(new DeliveryOptions
    {
        CircuitMinimumThroughput = 4,
        CircuitFailureRatio = 0.5,
        CircuitBreakDuration = TimeSpan.FromSeconds(30),
    }), TimeProvider.System);

    [Test]
    public async Task Should_open_its_circuit_and_defer_without_sending()
    {
        using var gates = Gates();
        var sent = 0;
        ValueTask<SendResult> Fail(CancellationToken _)
        {
            sent++;
            return ValueTask.FromResult(AttemptOutcomeData.Answer(503));
        }

        for (var i = 0; i < 4; i++)
        {
            Assert.That((await gates.SendAsync("wh_down", Fail, CancellationToken.None)).Sent, Is.Not.Null);
        }

        var blocked = await gates.SendAsync("wh_down", Fail, CancellationToken.None);
        var healthy = await gates.SendAsync("wh_up", _ => ValueTask.FromResult(AttemptOutcomeData.Answer(200)), CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(blocked.Sent, Is.Null);
            Assert.That(blocked.Reason, Does.Contain("circuit is open"));
            Assert.That(blocked.DeferFor, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(sent, Is.EqualTo(4));
            Assert.That(healthy.Sent, Is.Not.Null);
        }
    }

    [Test]
    public async Task Should_not_count_client_errors_against_the_endpoint()
    {
        using var gates = Gates();
        for (var i = 0; i < 8; i++)
        {
            Assert.That((await gates.SendAsync("wh_strict", _ => ValueTask.FromResult(AttemptOutcomeData.Answer(400)), CancellationToken.None)).Sent, Is.Not.Null);
        }
    }
}
