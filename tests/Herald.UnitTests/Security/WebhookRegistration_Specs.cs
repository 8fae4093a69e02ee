using System.Text.Json.Nodes;
using Herald.Delivery.Security;
using Herald.UnitTests.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.UnitTests.Security;

/// <summary>
/// The whole app with the strict policy (no allow-list) and a fake resolver, over real HTTP.
/// Registration only checks addresses, it never connects; canaries on the loopback port the
/// URLs name prove it.
/// </summary>
public sealed class When_a_webhook_is_registered_for_a_forbidden_destination : HeraldServer
{
    private const string Port = "{P}";
    private readonly FakeHostResolver resolver = new FakeHostResolver()
        .Map("localhost", "127.0.0.1", "::1")
        .Map("internal.example", "10.1.2.3")
        .Map("metadata.example", "169.254.169.254")
        .Map("ula.example", "fd00:ec2::254")
        .Map("mixed.example", "93.184.215.14", "127.0.0.1")
        .Map("mixed6.example", "2606:4700:4700::1111", "::1")
        .Map("example.com", "93.184.215.14");

    private Canaries canaries = null!;

    protected override string? AllowedNetworks => null;

    protected override void Configure(WebApplicationBuilder builder)
    {
        // Also empties an allow-list the environment might set (Security__AllowedNetworks).
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [AddressPolicyServiceCollectionExtensions.AllowedNetworksSetting] = "" });
        builder.Services.AddSingleton<IHostResolver>(resolver);
    }

    [OneTimeSetUp]
    public void StartCanaries()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Services.GetRequiredService<AddressPolicy>().Allowed, Is.Empty, "the app must run with the strict policy");
            Assert.That(Services.GetRequiredService<IHostResolver>(), Is.SameAs(resolver), "the fake resolver must replace DNS");
        }

        canaries = Canaries.Start();
    }

    [OneTimeTearDown]
    public async Task StopCanaries()
    {
        await TestContext.Progress.WriteLineAsync($"registration canaries: {canaries}");
        await canaries.DisposeAsync();
    }

    private static IEnumerable<TestCaseData> Urls()
    {
        static TestCaseData Case(string url, bool secure = false) => new TestCaseData(url, secure).SetArgDisplayNames(url, secure ? "secure" : "insecure");

        // Loopback, literally and in every spelling a URL parser accepts.
        yield return Case($"http://127.0.0.1:{Port}/");
        yield return Case($"http://127.1:{Port}/");
        yield return Case($"http://2130706433:{Port}/");
        yield return Case($"http://0x7f000001:{Port}/");
        yield return Case($"http://0177.0.0.1:{Port}/");
        yield return Case($"http://017700000001:{Port}/");
        yield return Case($"http://0x7f.1:{Port}/");
        yield return Case($"http://127.000.000.001:{Port}/");
        yield return Case($"http://127.0.0.2:{Port}/");
        yield return Case($"http://127.0.0.1.:{Port}/");
        yield return Case($"http://127。0。0。1:{Port}/");
        yield return Case($"http://①②⑦.0.0.1:{Port}/");
        yield return Case($"http://[::1]:{Port}/");
        yield return Case($"http://[0:0:0:0:0:0:0:1]:{Port}/");
        yield return Case($"http://[::ffff:127.0.0.1]:{Port}/");
        yield return Case($"http://[0:0:0:0:0:ffff:7f00:1]:{Port}/");
        yield return Case($"http://[::ffff:0:7f00:1]:{Port}/");
        yield return Case($"http://[64:ff9b::7f00:1]:{Port}/");
        yield return Case($"http://[2002:7f00:1::]:{Port}/");
        yield return Case($"http://[::127.0.0.1]:{Port}/");
        yield return Case($"http://0.0.0.0:{Port}/");
        yield return Case($"http://0:{Port}/");
        yield return Case($"http://[::]:{Port}/");
        yield return Case($"http://localhost:{Port}/");
        yield return Case($"http://LOCALHOST:{Port}/");
        yield return Case($"http://localhost.:{Port}/");
        yield return Case($"https://127.0.0.1:{Port}/hook", secure: true);
        yield return Case($"https://[::1]:{Port}/hook", secure: true);
        yield return Case($"https://localhost:{Port}/hook", secure: true);

        // Cloud metadata and private networks: never dialled, so any address may appear.
        yield return Case("http://169.254.169.254/latest/meta-data/");
        yield return Case("https://169.254.169.254/latest/meta-data/", secure: true);
        yield return Case("http://[fd00:ec2::254]/");
        yield return Case("http://100.100.100.200/");
        yield return Case("http://10.0.0.1/");
        yield return Case("http://172.16.0.1/");
        yield return Case("http://192.168.0.1/");
        yield return Case("http://100.64.0.1/");
        yield return Case("http://224.0.0.1/");
        yield return Case("http://255.255.255.255/");
        yield return Case("http://192.0.2.1/");
        yield return Case("http://198.51.100.7/");
        yield return Case("http://203.0.113.9/");
        yield return Case("http://198.18.0.1/");
        yield return Case("http://[fe80::1]/");
        yield return Case("http://[fe80::1%25eth0]/");
        yield return Case("http://[fc00::1]/");
        yield return Case("http://[ff02::1]/");
        yield return Case("http://[2001:db8::1]/");
        yield return Case("http://[::ffff:169.254.169.254]/");
        yield return Case("http://[::ffff:10.0.0.1]/");
        yield return Case("http://[64:ff9b::a9fe:a9fe]/");
        yield return Case("http://[2002:a9fe:a9fe::]/");
        yield return Case("http://[64:ff9b:1::a9fe:a9fe]/");

        // Names that resolve (in the fake DNS) to a refused address, alone or among public ones.
        yield return Case("http://internal.example/hook");
        yield return Case("http://INTERNAL.example./hook");
        yield return Case("http://metadata.example/latest/meta-data/");
        yield return Case("http://ula.example/");
        yield return Case("http://mixed.example/hook");
        yield return Case("https://mixed.example/hook", secure: true);
        yield return Case("http://mixed6.example/hook");
    }

    [Test]
    public void Should_try_at_least_forty_urls() => Assert.That(Urls().Count(), Is.GreaterThanOrEqualTo(40));

    [TestCaseSource(nameof(Urls))]
    public async Task Should_answer_400_on_the_url_and_store_nothing(string template, bool secure)
    {
        var org = NewOrganization();
        var url = template.Replace(Port, canaries.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/webhooks", org, WebhookBody(url, secure: secure));

        var (_, listed) = await SendAsync(HttpMethod.Get, "/v1/webhooks", org);
        await canaries.FlushAsync(Ct);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(400), body?.ToJsonString());
            Assert.That(body?["errors"]?["url"]?.AsArray(), Is.Not.Null.And.Not.Empty, body?.ToJsonString());
            Assert.That(listed!.AsArray(), Is.Empty);
            Assert.That(canaries.Leaks, Is.Zero, canaries.ToString());
        }
    }

    [TestCase("http://10.0.0.1/hook")]
    [TestCase("http://[::ffff:127.0.0.1]:8080/hook")]
    [TestCase("http://169.254.169.254/latest/meta-data/")]
    [TestCase("http://internal.example/hook")]
    [TestCase("http://mixed.example/hook")]
    public async Task Should_refuse_an_update_to_the_url_and_keep_the_old_one(string url)
    {
        var org = NewOrganization();
        var created = await CreateWebhookAsync(org, "https://example.com/hook");
        var id = created["id"]!.GetValue<string>();

        var (status, body) = await SendAsync(HttpMethod.Put, $"/v1/webhooks/{id}", org, WebhookBody(url));

        var (_, stored) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{id}", org);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(400), body?.ToJsonString());
            Assert.That(body?["errors"]?["url"]?.AsArray(), Is.Not.Null.And.Not.Empty, body?.ToJsonString());
            Assert.That(stored!["url"]!.GetValue<string>(), Is.EqualTo("https://example.com/hook"));
        }
    }

    [Test]
    public async Task Should_name_the_refused_address_and_its_kind()
    {
        var (_, literal) = await SendAsync(HttpMethod.Post, "/v1/webhooks", NewOrganization(), WebhookBody("http://169.254.169.254/latest/meta-data/"));
        var (_, named) = await SendAsync(HttpMethod.Post, "/v1/webhooks", NewOrganization(), WebhookBody("http://mixed.example/hook"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Error(literal), Does.Contain("169.254.169.254").And.Contain("link-local"));
            Assert.That(Error(named), Does.Contain("127.0.0.1 (loopback)").And.Not.Contain("93.184.215.14"));
        }
    }

    [Test]
    public async Task Should_accept_a_public_destination_so_the_refusals_are_not_vacuous()
    {
        var org = NewOrganization();

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/webhooks", org, WebhookBody("https://example.com/hook", secure: true));

        Assert.That(status, Is.EqualTo(201), body?.ToJsonString());
    }

    private static string Error(JsonNode? body) => body?["errors"]?["url"]?[0]?.GetValue<string>() ?? "(none)";
}
