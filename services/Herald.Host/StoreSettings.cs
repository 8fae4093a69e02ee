using Herald.ServiceDefaults;
using Herald.Storage.Mongo;
using Herald.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Host;

/// <summary>Selects the store with <c>Store</c>: <c>Sqlite</c> (default, <c>Sqlite:Path</c>) or <c>Mongo</c> (<c>Mongo:ConnectionString</c>, <c>Mongo:Database</c>).</summary>
public static class StoreSettings
{
    /// <summary>The setting's name.</summary>
    public const string Setting = "Store";

    /// <summary>Registers the configured store; a missing or invalid setting stops start-up with its name.</summary>
    public static IServiceCollection AddHeraldStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var kind = configuration[Setting];
        if (string.IsNullOrWhiteSpace(kind) || kind.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var path = configuration["Sqlite:Path"];
            return string.IsNullOrWhiteSpace(path)
                ? throw new InvalidSettingException("Sqlite:Path is required when Store is Sqlite (for example herald.db).")
                : services.AddHeraldSqliteStore(path);
        }

        if (kind.Equals("Mongo", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration["Mongo:ConnectionString"];
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidSettingException("Mongo:ConnectionString is required when Store is Mongo (for example mongodb://localhost:27017).");
            }

            if (!connectionString.StartsWith("mongodb://", StringComparison.Ordinal) && !connectionString.StartsWith("mongodb+srv://", StringComparison.Ordinal))
            {
                throw new InvalidSettingException("Mongo:ConnectionString must start with mongodb:// or mongodb+srv://.");
            }

            var database = configuration["Mongo:Database"];
            return services.AddHeraldMongoStore(connectionString, string.IsNullOrWhiteSpace(database) ? "herald" : database);
        }

        throw new InvalidSettingException($"{Setting}: '{kind}' is not a store; use Sqlite or Mongo.");
    }
}
