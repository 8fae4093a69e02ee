using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Herald.Host;
using Herald.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.UnitTests.Api;

/// <summary>The whole app, every role, on a free loopback port over a temp SQLite file, started once per fixture.</summary>
public abstract class HeraldServer
{
    /// <summary>The tests' endpoints are on loopback, which the address policy refuses unless allowed.</summary>
    protected const string LoopbackNetworks = "127.0.0.0/8,::1/128";

    private TempDatabase database = null!;

    /// <summary>The app's SQLite file, for specs that read the raw store.</summary>
    protected string DatabasePath => database.Path;
    private WebApplication app = null!;
    private OrganizationKeys keys = null!;

    protected HttpClient Http { get; private set; } = null!;
    protected IServiceProvider Services => app.Services;
    protected static CancellationToken Ct => TestContext.CurrentContext.CancellationToken;

    /// <summary>The allow-list given on the command line; null starts the app without one (the strict default).</summary>
    protected virtual string? AllowedNetworks => LoopbackNetworks;

    /// <summary>Settings a fixture adds to the command line, after (and so over) the defaults.</summary>
    protected virtual IEnumerable<string> Settings => [];

    [OneTimeSetUp]
    public async Task StartApp()
    {
        database = new TempDatabase();
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--Sqlite:Path", database.Path, "--Ingest:MaxRecordBytes", "2048", "--Logging:LogLevel:Default", "Warning",
            "--Security:AdminKey", TestKeys.Admin,
            .. AllowedNetworks is null ? Array.Empty<string>() : ["--Security:AllowedNetworks", AllowedNetworks],
            .. Settings,
        ];
        app = HeraldApp.Build(args, Configure);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };

        // Requests without an organization (ingest, the inbox API) go with the admin key.
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestKeys.Admin);
        keys = new OrganizationKeys(Http);
    }

    /// <summary>Adjusts the builder before the roles wire themselves; their registrations use TryAdd, so services added here win.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        database.Dispose();
    }

    /// <summary>The API key of <paramref name="organization"/>, created (with the organization) on first use.</summary>
    protected Task<string> KeyForAsync(string organization) => keys.ForAsync(organization, Ct);

    /// <summary>A fresh organization per test keeps tests apart on the shared app.</summary>
    protected static string NewOrganization() => "org_" + Guid.NewGuid().ToString("N")[..12];

    protected async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? organization, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (organization is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await keys.ForAsync(organization, Ct));
        }

        using var response = await Http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    protected static object WebhookBody(string url, string name = "Orders", bool secure = false) => new
    {
        name,
        url,
        headers = new[] { new { key = "Test", value = "Webhook" } },
        event_categories = new[] { "audit_log_creation" },
        secure,
    };

    protected async Task<JsonNode> CreateWebhookAsync(string organization, string url = "https://example.com/hook", string name = "Orders")
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/webhooks", organization, WebhookBody(url, name));
        Assert.That(status, Is.EqualTo(201), body?.ToJsonString());
        return body!;
    }

    protected static object AuditRecord(string organization, Guid? auditLogId = null) => new
    {
        audit_log_id = auditLogId,
        organization_id = organization,
        actor = new { ip = "203.0.113.7", user_agent = "Mozilla/5.0 <b>&", username = "koray+1" },
        date = "2025-11-12T12:12:48.626967855Z",
        description = "User is logged in",
        event_category = "user",
        event_name = "login",
    };
}
