using Herald.IntegrationTests.Support;
using NUnit.Framework.Interfaces;

namespace Herald.IntegrationTests.Faults;

/// <summary>RabbitMQ restarts mid-run; every Herald process has to reconnect by itself.</summary>
[TestFixture]
[Category("Faults")]
public sealed class When_RabbitMq_restarts_mid_run
{
    private FaultScenario? scenario;
    private BrokerRestarter? broker;

    [TearDown]
    public async Task StopAsync()
    {
        try
        {
            // Whatever happened, leave the broker running for the tests after this one.
            if (broker is not null) await broker.StartAsync();
        }
        finally
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed) scenario?.WriteOutput();
            if (scenario is not null) await scenario.DisposeAsync();
        }
    }

    [Test]
    public async Task Should_lose_no_pair_and_record_every_one()
    {
        var found = await RabbitMqBroker.GetAsync();
        broker = BrokerRestarter.For(found);
        scenario = await FaultScenario.StartAsync("restart-broker", found);
        var restarts = Math.Clamp(scenario.Events / 250, 1, 3);

        var ledger = await scenario.RunAsync(async () =>
        {
            for (var i = 1; i <= restarts; i++)
            {
                await scenario.WhenPublishedAsync(scenario.Threshold(i, restarts));
                scenario.Note("rabbitmqctl stop_app");
                await broker.RestartAsync();
                scenario.Note("rabbitmqctl start_app: broker up again");
            }
        });

        FaultScenario.AssertNothingLost(ledger);
    }
}
