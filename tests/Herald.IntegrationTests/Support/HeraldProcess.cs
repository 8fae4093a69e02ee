using System.Collections.Concurrent;
using System.Diagnostics;
using Herald.Testing;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Herald.IntegrationTests.Support;

/// <summary>
/// One <c>dotnet herald.dll</c> process running some roles, on a loopback port picked for it,
/// with its output kept for the test log. Disposing kills it and its children.
/// </summary>
public sealed class HeraldProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private readonly string[] settings;

    private HeraldProcess(string roles, string[] settings, Process process, Uri address)
    {
        Roles = roles;
        this.settings = settings;
        this.process = process;
        Client = new HeraldClient(address);
    }

    /// <summary>The roles it runs.</summary>
    public string Roles { get; }

    /// <summary>Its HTTP API (health, and whatever its roles map).</summary>
    public HeraldClient Client { get; }

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Everything it wrote to stdout and stderr so far.</summary>
    public string Output => string.Join(Environment.NewLine, output);

    /// <summary>The host's build output matching this test assembly's configuration, or Ignores the test.</summary>
    public static string HostAssembly()
    {
        var configuration = typeof(HeraldProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Herald.slnx")))
        {
            root = root.Parent;
        }

        var path = root is null ? null : Path.Combine(root.FullName, "services", "Herald.Host", "bin", configuration, "net10.0", "herald.dll");
        if (path is null || !File.Exists(path))
        {
            Assert.Ignore($"herald.dll not found ({path ?? "no Herald.slnx above " + AppContext.BaseDirectory}); build services/Herald.Host -c {configuration} first.");
        }

        return path!;
    }

    /// <summary>Starts <c>dotnet herald.dll --roles <paramref name="roles"/></c> with <paramref name="settings"/> on a free port.</summary>
    public static HeraldProcess Start(string roles, params string[] settings)
    {
        var dll = HostAssembly();
        var port = FreePort();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The tests' endpoints are on loopback, which the address policy refuses unless allowed.
        foreach (var arg in new[] { dll, "--roles", roles, "--urls", $"http://127.0.0.1:{port}", "--Security:AllowedNetworks", "127.0.0.0/8,::1/128", "--Security:AdminKey", TestKeys.Admin }.Concat(settings))
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var started = new HeraldProcess(roles, settings, process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => started.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => started.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Waits, bounded, until <c>/healthz</c> answers; fails with the output if the process exits or never answers.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!await Client.IsHealthyAsync())
        {
            if (process.HasExited || deadline.Elapsed > timeout)
            {
                var why = process.HasExited ? $"exited with code {process.ExitCode}" : $"did not answer /healthz within {timeout.TotalSeconds} s";
                throw new InvalidOperationException($"herald --roles {Roles} {why}:{Environment.NewLine}{Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// kill -9: SIGKILL to it and its children, no shutdown hooks, in-flight work abandoned;
    /// waits, bounded, until the process is gone.
    /// </summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(limit.Token);
        Keep("--- killed (SIGKILL) ---");
    }

    /// <summary>Kills it (kill -9) and starts a new process with the same roles and settings, on a new port.</summary>
    public async Task<HeraldProcess> RestartAsync()
    {
        await KillAsync();
        return Start(Roles, settings);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(limit.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already reaped.
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            output.Enqueue($"[{Roles}] {line}");
        }
    }
}
