using Herald.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.StoreTests.Contract;

/// <summary>A new SQLite file in the temp folder per test, deleted with its WAL files afterwards.</summary>
public sealed class SqliteTestEngine : IStoreTestEngine
{
    private string? path;

    public static string NewPath() => Path.Combine(Path.GetTempPath(), $"herald-store-{Guid.NewGuid():N}.db");

    public static ServiceProvider CreateServices(string path) =>
        new ServiceCollection().AddHeraldSqliteStore(path).BuildServiceProvider();

    public static void DeleteFiles(string path)
    {
        // Pooled connections keep the file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ServiceProvider> CreateServicesAsync(CancellationToken cancellationToken)
    {
        path = NewPath();
        return Task.FromResult(CreateServices(path));
    }

    public Task DeleteDatabaseAsync(CancellationToken cancellationToken)
    {
        if (path is not null)
        {
            DeleteFiles(path);
            path = null;
        }

        return Task.CompletedTask;
    }
}
