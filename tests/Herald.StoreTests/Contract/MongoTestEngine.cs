using Herald.Storage.Mongo;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;

namespace Herald.StoreTests.Contract;

/// <summary>A fresh, randomly named database per test on the shared server, dropped afterwards.</summary>
public sealed class MongoTestEngine : IStoreTestEngine
{
    private MongoClient? client;
    private string? connectionString;
    private string? databaseName;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        connectionString = await MongoTestServer.GetConnectionStringAsync(cancellationToken);
        if (connectionString is null)
        {
            Assert.Ignore(MongoTestServer.Unreachable);
        }

        client = MongoTestServer.Client;
    }

    public Task<ServiceProvider> CreateServicesAsync(CancellationToken cancellationToken)
    {
        var server = connectionString ?? throw new InvalidOperationException("MongoDB was not prepared.");
        databaseName = $"herald_test_{Guid.NewGuid():N}";
        return Task.FromResult(new ServiceCollection().AddHeraldMongoStore(server, databaseName).BuildServiceProvider());
    }

    public async Task DeleteDatabaseAsync(CancellationToken cancellationToken)
    {
        if (client is not null && databaseName is not null)
        {
            await client.DropDatabaseAsync(databaseName, cancellationToken);
            databaseName = null;
        }
    }
}
