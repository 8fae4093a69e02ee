using System.Diagnostics;

namespace Herald.IntegrationTests;

[Category("Integration")]
public sealed class When_validating_docker_compose
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Herald.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Herald.slnx not found above the test assembly.");
    }

    private static async Task<(int ExitCode, string Output)> ComposeAsync(params string[] arguments)
    {
        var tool = new[] { "/usr/bin/docker-compose", "/usr/local/bin/docker-compose" }.FirstOrDefault(File.Exists);
        if (tool is null)
        {
            Assert.Ignore("docker-compose is not installed (apt-get install docker-compose validates without a Docker engine).");
        }

        var info = new ProcessStartInfo(tool) { WorkingDirectory = RepositoryRoot(), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = await process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = await process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, output + error);
    }

    [Test]
    public async Task Should_pass_docker_compose_config()
    {
        var (exitCode, output) = await ComposeAsync("config", "--quiet");
        Assert.That(exitCode, Is.Zero, output);
    }

    [Test]
    public async Task Should_run_the_broker_the_store_every_role_a_collector_and_a_trace_ui()
    {
        var (exitCode, output) = await ComposeAsync("config", "--services");
        Assert.That(exitCode, Is.Zero, output);
        var services = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(services, Is.SupersetOf(new[] { "rabbitmq", "mongo", "ingest", "fanout", "delivery", "api", "otel-collector", "jaeger" }));
    }

    [Test]
    public async Task Should_let_delivery_scale_and_select_its_role_transport_and_store()
    {
        var (exitCode, output) = await ComposeAsync("config");
        Assert.That(exitCode, Is.Zero, output);
        var delivery = output[output.IndexOf("\n  delivery:", StringComparison.Ordinal)..];
        var end = delivery.IndexOf("\n  fanout:", StringComparison.Ordinal);
        delivery = end > 0 ? delivery[..end] : delivery;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(delivery, Does.Not.Contain("container_name"), "a fixed name would stop --scale");
            Assert.That(delivery, Does.Not.Contain("ports:"), "a published port would stop --scale");
            Assert.That(delivery, Does.Contain("Roles: delivery"));
            Assert.That(delivery, Does.Contain("Transport: RabbitMq"));
            Assert.That(delivery, Does.Contain("Store: Mongo"));
        }
    }
}
