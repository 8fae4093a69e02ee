using Microsoft.Extensions.DependencyInjection;

namespace Herald.Storage.Sqlite;

/// <summary>Registers Herald's stores on one SQLite file.</summary>
public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers every Herald store and the schema initializer on the SQLite file at
    /// <paramref name="path"/>, which several processes may share.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="path">The database file, such as <c>herald.db</c>; created when missing.</param>
    public static IServiceCollection AddHeraldSqliteStore(this IServiceCollection services, string path)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        services.AddSingleton(_ => new SqliteDatabase(path));
        services.AddSingleton<IWebhookStore, SqliteWebhookStore>();
        services.AddSingleton<IEventStore, SqliteEventStore>();
        services.AddSingleton<IDeliveryStore, SqliteDeliveryStore>();
        services.AddSingleton<IAttemptStore, SqliteAttemptStore>();
        services.AddSingleton<IInboxStore, SqliteInboxStore>();
        services.AddSingleton<IOrganizationStore, SqliteOrganizationStore>();
        services.AddSingleton<IApiKeyStore, SqliteApiKeyStore>();
        services.AddSingleton<IStoreInitializer, SqliteStoreInitializer>();
        services.AddStoreInitialization();
        return services;
    }
}
