using System.Diagnostics;
using Herald.IntegrationTests.Support;
using Testcontainers.RabbitMq;

namespace Herald.IntegrationTests.Faults;

/// <summary>
/// Restarts the RabbitMQ application of the test run's broker: <c>rabbitmqctl stop_app</c>, then
/// <c>start_app</c> and <c>await_startup</c>, on this machine or inside the Testcontainers
/// container (its mapped ports stay). Every connection drops; queues and messages survive as a
/// restarted broker keeps them. An external <c>RABBITMQ_URL</c> is not ours to restart.
/// </summary>
public sealed class BrokerRestarter
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private readonly Func<string[], Task<(int ExitCode, string Output)>> ctl;

    private BrokerRestarter(Func<string[], Task<(int, string)>> ctl) => this.ctl = ctl;

    /// <summary>The restarter for <paramref name="broker"/>, or Ignores the test with the reason.</summary>
    public static BrokerRestarter For(RabbitMqBroker broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        if (broker.Container is { } container)
        {
            return new BrokerRestarter(args => InContainerAsync(container, args));
        }

        if (broker.Source != "local broker")
        {
            Assert.Ignore($"The broker comes from {broker.Source}, which this test must not restart; unset RABBITMQ_URL to run it on a local broker or a container.");
        }

        return new BrokerRestarter(LocalAsync);
    }

    /// <summary>Stops the RabbitMQ application and starts it again; returns when it accepts connections.</summary>
    public async Task RestartAsync()
    {
        await RunAsync("stop_app");
        await StartAsync();
    }

    /// <summary>Starts the application (a no-op when it runs) and waits until it has started.</summary>
    public async Task StartAsync()
    {
        await RunAsync("start_app");
        await RunAsync("await_startup", "--timeout", "60");
    }

    private static async Task<(int, string)> InContainerAsync(RabbitMqContainer container, string[] args)
    {
        using var limit = new CancellationTokenSource(Limit);
        var result = await container.ExecAsync(["rabbitmqctl", .. args], limit.Token);
        return (result.ExitCode is { } code ? (int)code : -1, result.Stdout + result.Stderr);
    }

    private static async Task<(int, string)> LocalAsync(string[] args)
    {
        var path = File.Exists("/usr/sbin/rabbitmqctl") ? "/usr/sbin/rabbitmqctl" : "rabbitmqctl";
        using var process = Process.Start(new ProcessStartInfo(path, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        using var limit = new CancellationTokenSource(Limit);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"rabbitmqctl {string.Join(' ', args)} did not finish within {Limit.TotalSeconds} s.");
        }

        return (process.ExitCode, await output + await error);
    }

    private async Task RunAsync(params string[] args)
    {
        var (exitCode, output) = await ctl(args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} exited with {exitCode}: {output}");
        }
    }
}
