using Herald.IntegrationTests.Support;
using NUnit.Framework.Interfaces;

namespace Herald.IntegrationTests.Faults;

/// <summary>kill -9 of a delivery worker, again and again, while records flow.</summary>
[TestFixture]
[Category("Faults")]
public sealed class When_delivery_workers_are_killed_repeatedly
{
    private FaultScenario? scenario;

    [TearDown]
    public async Task StopAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed) scenario?.WriteOutput();
        if (scenario is not null) await scenario.DisposeAsync();
    }

    [Test]
    public async Task Should_lose_no_pair_and_record_every_one()
    {
        scenario = await FaultScenario.StartAsync("kill-delivery", await RabbitMqBroker.GetAsync());
        var kills = Math.Clamp(scenario.Events / 20, 3, 8);

        var ledger = await scenario.RunAsync(async () =>
        {
            for (var i = 1; i <= kills; i++)
            {
                await scenario.WhenPublishedAsync(scenario.Threshold(i, kills));
                await scenario.KillDeliveryAsync(i % 2);
            }
        });

        FaultScenario.AssertNothingLost(ledger);
    }
}
