using System.Net.Sockets;
using Testcontainers.RabbitMq;

namespace Herald.IntegrationTests.Support;

/// <summary>
/// The RabbitMQ of this test run, found once: <c>RABBITMQ_URL</c> if set; else a container when a
/// Docker engine answers; else a local broker on localhost:5672. Without one, tests are Ignored
/// with the reason. Each fixture works in its own virtual host (<see cref="CreateVirtualHostAsync"/>).
/// </summary>
public sealed class RabbitMqBroker
{
    private const string LocalUrl = "amqp://guest:guest@localhost:5672/";
    private const string HowToGetOne =
        "start one (apt-get install rabbitmq-server && rabbitmq-server -detached), run Docker, or set RABBITMQ_URL=amqp://user:pass@host:5672/";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static RabbitMqBroker? found;
    private static string? missing;
    private static RabbitMqContainer? container;

    private readonly VirtualHostAdmin admin;

    private RabbitMqBroker(Uri url, string source, VirtualHostAdmin admin)
    {
        Url = url;
        Source = source;
        this.admin = admin;
    }

    /// <summary>The broker's URL, default virtual host.</summary>
    public Uri Url { get; }

    /// <summary>Where the broker came from, for the test output.</summary>
    public string Source { get; }

    /// <summary>The broker, or Ignores the calling test with the reason and how to get one.</summary>
    public static async Task<RabbitMqBroker> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (found is null && missing is null)
            {
                (found, missing) = await ResolveAsync();
            }
        }
        finally
        {
            Gate.Release();
        }

        if (found is null)
        {
            Assert.Ignore($"RabbitMQ not reachable: {missing}; {HowToGetOne}.");
        }

        return found!;
    }

    /// <summary>The container this run started, or null when the broker is not one.</summary>
    internal RabbitMqContainer? Container => Source == "Testcontainers" ? container : null;

    /// <summary>A fresh virtual host, deleted again when disposed.</summary>
    public async Task<RabbitMqVirtualHost> CreateVirtualHostAsync(string label)
    {
        var name = $"herald-test-{label}-{Guid.NewGuid():N}"[..Math.Min(60, 24 + label.Length)];
        var isolated = await admin.TryAddAsync(name, Url);
        var vhostUrl = isolated ? new UriBuilder(Url) { Path = "/" + Uri.EscapeDataString(name) }.Uri : Url;
        var host = new RabbitMqVirtualHost(vhostUrl, isolated ? name : null, admin);
        if (!isolated)
        {
            // No way to create virtual hosts: share the default one, emptied of Herald's entities.
            TestContext.Progress.WriteLine($"RabbitMQ: cannot create virtual hosts on {Source}; sharing '/' after deleting Herald's queues.");
            await host.DeleteHeraldEntitiesAsync();
        }

        return host;
    }

    /// <summary>Stops the container if this run started one.</summary>
    internal static async Task StopAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
            container = null;
        }
    }

    private static async Task<(RabbitMqBroker?, string?)> ResolveAsync()
    {
        if (Environment.GetEnvironmentVariable("RABBITMQ_URL") is { Length: > 0 } configured)
        {
            var url = new Uri(configured);
            return await AnswersAsync(url)
                ? (new RabbitMqBroker(url, "RABBITMQ_URL", VirtualHostAdmin.For(url, null)), null)
                : (null, $"RABBITMQ_URL={Redact(url)} does not accept connections");
        }

        if (DockerMayAnswer())
        {
            try
            {
                var started = new RabbitMqBuilder("rabbitmq:3.13-alpine").Build();
                using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                await started.StartAsync(limit.Token);
                container = started;
                var url = new Uri(started.GetConnectionString());
                return (new RabbitMqBroker(url, "Testcontainers", VirtualHostAdmin.For(url, started)), null);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                TestContext.Progress.WriteLine($"RabbitMQ: Docker did not start a container ({exception.GetType().Name}: {exception.Message}); trying localhost.");
            }
        }

        var local = new Uri(LocalUrl);
        return await AnswersAsync(local)
            ? (new RabbitMqBroker(local, "local broker", VirtualHostAdmin.For(local, null)), null)
            : (null, "no RABBITMQ_URL, no Docker engine, nothing listening on localhost:5672");
    }

    private static bool DockerMayAnswer() =>
        File.Exists("/var/run/docker.sock") || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST"));

    private static async Task<bool> AnswersAsync(Uri url)
    {
        using var client = new TcpClient();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await client.ConnectAsync(url.Host, url.IsDefaultPort || url.Port <= 0 ? 5672 : url.Port, limit.Token);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static string Redact(Uri url) => $"{url.Scheme}://***@{url.Host}:{url.Port}{url.AbsolutePath}";
}
