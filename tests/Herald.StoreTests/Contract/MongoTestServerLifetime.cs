namespace Herald.StoreTests.Contract;

/// <summary>Stops the MongoDB container after the last contract fixture.</summary>
[SetUpFixture]
public sealed class MongoTestServerLifetime
{
    [OneTimeTearDown]
    public Task StopAsync() => MongoTestServer.StopAsync();
}
