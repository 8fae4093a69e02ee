using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;

namespace Herald.Storage.Mongo;

/// <summary>Registers Herald's MongoDB store.</summary>
public static class MongoStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the MongoDB client and database and every Herald store on them as singletons,
    /// and the initializer that creates the indexes at start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">A MongoDB connection string, such as <c>mongodb://localhost:27017</c>.</param>
    /// <param name="databaseName">The database holding Herald's collections.</param>
    public static IServiceCollection AddHeraldMongoStore(this IServiceCollection services, string connectionString, string databaseName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);

        services.AddSingleton<IMongoClient>(_ => new MongoClient(connectionString));
        services.AddSingleton(provider => provider.GetRequiredService<IMongoClient>().GetDatabase(databaseName));
        services.AddSingleton<IWebhookStore, MongoWebhookStore>();
        services.AddSingleton<IEventStore, MongoEventStore>();
        services.AddSingleton<IDeliveryStore, MongoDeliveryStore>();
        services.AddSingleton<IAttemptStore, MongoAttemptStore>();
        services.AddSingleton<IInboxStore, MongoInboxStore>();
        services.AddSingleton<IOrganizationStore, MongoOrganizationStore>();
        services.AddSingleton<IApiKeyStore, MongoApiKeyStore>();
        services.AddSingleton<IStoreInitializer, MongoStoreInitializer>();
        services.AddStoreInitialization();
        return services;
    }
}
