using System.Net.Http.Json;
using System.Text.Json;
using Herald.ServiceDefaults;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Herald.Host;

/// <summary>
/// <c>herald demo</c>: starts every role, registers a webhook with a custom header that points at
/// Herald's own test inbox, sends sample audit records through ingest, prints each delivery and
/// exits 0 only if every one was delivered — the reference page's walkthrough, end to end.
/// </summary>
public static class DemoRunner
{
    private const string Organization = "org_demo";
    private static readonly JsonSerializerOptions Json = HttpDefaultsExtensions.Configure(new JsonSerializerOptions());

    /// <summary>Every role, a free loopback port unless one is configured, quiet logs.</summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var defaults = new Dictionary<string, string?> { ["Roles"] = "all", ["Logging:LogLevel:Default"] = "Warning" };
        if (string.IsNullOrEmpty(builder.Configuration["Security:AdminKey"]))
        {
            // The demo administers itself: a one-off admin key creates its organization and key.
            defaults["Security:AdminKey"] = "demo-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        }

        if (string.IsNullOrEmpty(builder.Configuration["Security:AllowedNetworks"]))
        {
            // The demo delivers to Herald's own inbox on loopback, which the address policy refuses by default.
            defaults["Security:AllowedNetworks"] = "127.0.0.0/8,::1/128";
        }

        if (builder.Configuration["Urls"] is "http://127.0.0.1:5080")
        {
            defaults["Urls"] = "http://127.0.0.1:0";
        }

        builder.Configuration.AddInMemoryCollection(defaults);
    }

    /// <summary>Runs the demonstration; returns the exit code.</summary>
    public static async Task<int> RunAsync(WebApplication app, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(output);
        await app.StartAsync(cancellationToken);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal)) };
            var adminKey = app.Services.GetRequiredService<IConfiguration>()["Security:AdminKey"]!;
            return await new DemoScenario(http, output, Json).RunAsync(Organization, adminKey, cancellationToken) ? 0 : 1;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }
}
