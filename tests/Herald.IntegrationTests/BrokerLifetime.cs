using Herald.IntegrationTests.Support;

namespace Herald.IntegrationTests;

/// <summary>Stops the RabbitMQ container, if the run started one, after every test.</summary>
[SetUpFixture]
public sealed class BrokerLifetime
{
    /// <summary>Runs once after all tests of the assembly.</summary>
    [OneTimeTearDown]
    public Task StopBrokerAsync() => RabbitMqBroker.StopAsync();
}
