using Herald.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Herald.Host;

/// <summary>
/// <c>herald [demo] [--roles …] [--Setting value …]</c>: serve the configured roles, or with
/// <c>demo</c> run the end-to-end demonstration and exit; <c>herald probe [url]</c> checks a
/// running one's readiness. A bad setting exits with code 2 and a message that names it.
/// </summary>
public static class HeraldProgram
{
    /// <summary>Runs Herald; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length > 0 && args[0] == "probe")
        {
            return await ReadinessProbe.RunAsync(args[1..], output, error);
        }

        var demo = args.Length > 0 && args[0] == "demo";
        var rest = demo ? args[1..] : args;
        try
        {
            await using var app = HeraldApp.Build(rest, builder =>
            {
                if (demo)
                {
                    DemoRunner.Configure(builder);
                }

                configure?.Invoke(builder);
            });
            if (demo)
            {
                return await DemoRunner.RunAsync(app, output, CancellationToken.None);
            }

            await app.RunAsync();
            return 0;
        }
        catch (InvalidSettingException exception)
        {
            await error.WriteLineAsync("herald: invalid configuration: " + exception.Message);
            return 2;
        }
        catch (OptionsValidationException exception)
        {
            await error.WriteLineAsync("herald: invalid configuration: " + string.Join(" ", exception.Failures));
            return 2;
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is OptionsValidationException))
        {
            var failures = exception.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures);
            await error.WriteLineAsync("herald: invalid configuration: " + string.Join(" ", failures));
            return 2;
        }
    }
}
