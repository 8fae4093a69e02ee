using MongoDB.Driver;
using Testcontainers.MongoDb;

namespace Herald.StoreTests.Contract;

/// <summary>
/// The MongoDB server of the test run, found once: <c>MONGODB_URL</c> when set, else a
/// Testcontainers MongoDB when a Docker engine answers, else none (the fixtures are ignored).
/// </summary>
public static class MongoTestServer
{
    public const string Unreachable = "MongoDB not reachable: set MONGODB_URL or run a Docker engine; the contract suite ran on SQLite only";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private static bool resolved;
    private static string? connectionString;
    private static MongoClient? client;
    private static MongoDbContainer? container;

    /// <summary>A client on the server, for dropping test databases.</summary>
    public static MongoClient Client => client ?? throw new InvalidOperationException("MongoDB was not found.");

    /// <summary>The server's connection string, or null when no server is reachable.</summary>
    public static async Task<string?> GetConnectionStringAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (!resolved)
            {
                connectionString = await ResolveAsync(cancellationToken);
                client = connectionString is null ? null : new MongoClient(connectionString);
                resolved = true;
            }

            return connectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops the container, if this run started one.</summary>
    public static async Task StopAsync()
    {
        client?.Dispose();
        client = null;
        if (container is not null)
        {
            await container.DisposeAsync();
            container = null;
        }
    }

    private static async Task<string?> ResolveAsync(CancellationToken cancellationToken)
    {
        var url = Environment.GetEnvironmentVariable("MONGODB_URL");
        if (!string.IsNullOrWhiteSpace(url))
        {
            return url;
        }

        // Without an endpoint, Testcontainers would only fail slowly; decide at once.
        if (!DockerEndpointExists())
        {
            return null;
        }

        using var startTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startTimeout.CancelAfter(StartTimeout);
        MongoDbContainer? candidate = null;
        try
        {
            candidate = new MongoDbBuilder("mongo:8.0").Build();
            await candidate.StartAsync(startTimeout.Token);
            container = candidate;
            return candidate.GetConnectionString();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            await TestContext.Progress.WriteLineAsync($"MongoDB container did not start: {exception.GetType().Name}: {exception.Message}");
            if (candidate is not null)
            {
                await candidate.DisposeAsync();
            }

            return null;
        }
    }

    private static bool DockerEndpointExists()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DOCKER_HOST")))
        {
            return true;
        }

        if (OperatingSystem.IsWindows())
        {
            return File.Exists(@"\\.\pipe\docker_engine");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return File.Exists("/var/run/docker.sock") || File.Exists(Path.Combine(home, ".docker", "run", "docker.sock"));
    }
}
