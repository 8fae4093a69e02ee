using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Herald.Host;
using Herald.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Herald.BrowserTests;

/// <summary>
/// The whole app on a free loopback port over a temp SQLite file, and a headless Chromium
/// (the system's, /usr/bin/chromium), started once per fixture.
/// </summary>
public abstract class ConsoleServer
{
    /// <summary>The trace UI the console links attempts to.</summary>
    protected const string TraceUrl = "http://traces.test/trace/{trace_id}";

    private const string ChromiumPath = "/usr/bin/chromium";

    private TempDatabase database = null!;
    private WebApplication app = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    protected HttpClient Http { get; private set; } = null!;
    protected OrganizationKeys Keys { get; private set; } = null!;
    protected IBrowser Browser => browser;
    protected string BaseUrl { get; private set; } = null!;
    protected static CancellationToken Ct => TestContext.CurrentContext.CancellationToken;

    /// <summary>Settings a fixture adds to the app's command line.</summary>
    protected virtual IEnumerable<string> Settings => [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Ignore($"No Chromium at {ChromiumPath}; install the 'chromium' package to run the browser tests.");
        }

        database = new TempDatabase();
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--Sqlite:Path", database.Path, "--Logging:LogLevel:Default", "Warning",
            "--Security:AdminKey", TestKeys.Admin, "--Security:AllowedNetworks", "127.0.0.0/8,::1/128",
            "--Console:TraceUrl", TraceUrl, .. Settings,
        ];
        app = HeraldApp.Build(args);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        Keys = new OrganizationKeys(Http);

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        Http?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        database?.Dispose();
    }

    /// <summary>A page of a new browser context at the given size, signed in with <paramref name="apiKey"/>.</summary>
    protected async Task<IPage> SignedInPageAsync(string apiKey, int width = 1280, int height = 800)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/");
        await page.GetByLabel("Organization API key").FillAsync(apiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Webhooks" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>
    /// A new organization with its key and a webhook to <paramref name="receiver"/> at
    /// <paramref name="path"/>, after one audit record reached the receiver.
    /// </summary>
    protected async Task<(string Org, string Key, string WebhookId)> WebhookWithOneRecordAsync(LoopbackReceiver receiver, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var org = "org_" + Guid.NewGuid().ToString("N")[..12];
        var key = await Keys.ForAsync(org, Ct);
        var id = await CreateWebhookAsync(key, name, receiver.UrlFor(path));
        await PublishAuditRecordAsync(key, org);
        await receiver.WaitForAsync(1, TimeSpan.FromSeconds(20));
        return (org, key, id);
    }

    /// <summary>GETs an API path with the organization's key and parses the JSON answer.</summary>
    protected async Task<JsonNode> GetJsonAsync(string key, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request, Ct);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
    }

    /// <summary>Publishes one audit record for the organization through ingest.</summary>
    protected async Task PublishAuditRecordAsync(string key, string org)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/audit-logs")
        {
            Content = JsonContent.Create(new
            {
                organization_id = org,
                actor = new { ip = "203.0.113.7", user_agent = "Mozilla/5.0", username = "koray" },
                date = "2025-11-12T12:12:48.626967855Z",
                description = "User is logged in",
                event_category = "user",
                event_name = "login",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request, Ct);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Creates a webhook through the API (secure unless a URL is given); returns its id.</summary>
    protected async Task<string> CreateWebhookAsync(string key, string name, string? url = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks")
        {
            Content = JsonContent.Create(new { name, url = url ?? "https://example.com/hooks", secure = url is null }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        return System.Text.Json.Nodes.JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    /// <summary>
    /// Saves a screenshot in the test output folder; with <c>HERALD_UPDATE_SCREENSHOTS=1</c> also
    /// in the checkout's docs/screenshots, which the README shows (so a plain test run leaves the
    /// working tree as it was).
    /// </summary>
    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = false });
        var output = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(output);
        await File.WriteAllBytesAsync(Path.Combine(output, name + ".png"), bytes);
        TestContext.AddTestAttachment(Path.Combine(output, name + ".png"));
        if (Environment.GetEnvironmentVariable("HERALD_UPDATE_SCREENSHOTS") == "1" && RepositoryRoot() is { } root)
        {
            var docs = Path.Combine(root, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            await File.WriteAllBytesAsync(Path.Combine(docs, name + ".png"), bytes);
        }
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Herald.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
