using Herald.IntegrationTests.Support;
using NUnit.Framework.Interfaces;

namespace Herald.IntegrationTests.Faults;

/// <summary>kill -9 of the fanout process mid-run, more than once.</summary>
[TestFixture]
[Category("Faults")]
public sealed class When_the_fanout_process_is_killed
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
        scenario = await FaultScenario.StartAsync("kill-fanout", await RabbitMqBroker.GetAsync());
        var kills = Math.Clamp(scenario.Events / 40, 2, 4);

        var ledger = await scenario.RunAsync(async () =>
        {
            for (var i = 1; i <= kills; i++)
            {
                await scenario.WhenPublishedAsync(scenario.Threshold(i, kills));
                await scenario.KillFanoutAsync();
            }
        });

        FaultScenario.AssertNothingLost(ledger);
    }
}
