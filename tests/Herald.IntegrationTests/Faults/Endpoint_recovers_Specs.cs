using Herald.IntegrationTests.Support;
using NUnit.Framework.Interfaces;

namespace Herald.IntegrationTests.Faults;

/// <summary>The endpoint answers 500 for a while, then recovers.</summary>
[TestFixture]
[Category("Faults")]
public sealed class When_the_endpoint_fails_for_a_while_then_recovers
{
    private FaultScenario? scenario;

    [TearDown]
    public async Task StopAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed) scenario?.WriteOutput();
        if (scenario is not null) await scenario.DisposeAsync();
    }

    [Test]
    public async Task Should_succeed_every_pair_after_retrying_the_refused_ones()
    {
        scenario = await FaultScenario.StartAsync("endpoint-500", await RabbitMqBroker.GetAsync());
        var failures = scenario.Events / 2;
        scenario.Endpoint.Answer = n => n <= failures ? 500 : 200;

        var ledger = await scenario.RunAsync(() => Task.CompletedTask);

        FaultScenario.AssertNothingLost(ledger);
        var refused = scenario.Endpoint.Requests.Where(r => r.StatusCode == 500).Select(r => new LedgerPair(r.EventId!, r.Path)).ToHashSet();
        Assert.That(refused, Has.Count.GreaterThan(0), "the endpoint refused some requests");
        Assert.That(scenario.Endpoint.Requests.Count(r => r.StatusCode == 500), Is.EqualTo(failures));
        Assert.That(ledger.Stored.Where(a => refused.Contains(a.Pair)), Has.All.Matches<StoredPair>(a => a.Attempts >= 2 && a.SucceededAttempts >= 1),
            "a refused pair succeeds on a later, recorded attempt");
    }
}
