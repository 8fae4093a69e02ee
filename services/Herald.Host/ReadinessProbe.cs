namespace Herald.Host;

/// <summary>
/// <c>herald probe [url]</c>: asks a running Herald's <c>/healthz/ready</c> and exits 0 when it
/// answers 200, 1 otherwise, for container health checks in images without curl. Without a URL
/// it asks this machine at the port of the <c>Urls</c> setting (environment <c>Urls</c> or
/// <c>ASPNETCORE_URLS</c>), or at 5080.
/// </summary>
public static class ReadinessProbe
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <summary>Probes and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var target = args.Length > 0 ? args[0] : Local(Environment.GetEnvironmentVariable("Urls") ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));
        if (!Uri.TryCreate(target, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            await error.WriteLineAsync($"herald probe: '{target}' is not an http(s) URL.");
            return 2;
        }

        var ready = new Uri(baseUri, "/healthz/ready");
        using var http = new HttpClient { Timeout = Limit };
        try
        {
            using var response = await http.GetAsync(ready);
            var body = await response.Content.ReadAsStringAsync();
            await output.WriteLineAsync($"{(int)response.StatusCode} {body}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"herald probe: {ready} did not answer ({e.GetType().Name}).");
            return 1;
        }
    }

    // The first URL Herald listens on, with a wildcard host turned into loopback.
    private static string Local(string? urls)
    {
        var first = (urls ?? "http://127.0.0.1:5080").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "http://127.0.0.1:5080";
        return first.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
    }
}
