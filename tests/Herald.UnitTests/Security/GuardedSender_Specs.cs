using System.Globalization;
using System.Net;
using Herald.Contracts;
using Herald.Delivery.Security;
using Herald.Storage;
using Herald.UnitTests.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.UnitTests.Security;

/// <summary>
/// The real sender (handler, connect callback, policy) with the strict policy, pointed at
/// canaries on loopback. Only forms whose every address is loopback appear here, and the fake
/// resolver answers loopback only: were the guard broken, the connection would still stay on
/// this machine and the canary would count it. The NAT64, 6to4 and IPv4-compatible forms are
/// not loopback to the kernel (they would be routed off the machine), so they are judged only
/// by the policy and registration specs.
/// </summary>
public sealed class When_the_sender_is_pointed_at_loopback_under_the_strict_policy : DeliveryRig
{
    private const string Port = "{P}";
    private readonly FakeHostResolver resolver = new() { Otherwise = [IPAddress.Loopback, IPAddress.IPv6Loopback] };
    private Canaries canaries = null!;

    protected override Dictionary<string, string?> Settings => new() { [AddressPolicyServiceCollectionExtensions.AllowedNetworksSetting] = "" };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IHostResolver>(resolver));

    [OneTimeSetUp]
    public void StartCanaries() => canaries = Canaries.Start();

    [OneTimeTearDown]
    public async Task StopCanaries()
    {
        await TestContext.Progress.WriteLineAsync($"sender canaries: {canaries}");
        await canaries.DisposeAsync();
    }

    private static IEnumerable<TestCaseData> Urls()
    {
        static TestCaseData Case(string url, bool v6 = false, bool secure = false) =>
            new TestCaseData(url, v6, secure).SetArgDisplayNames(url, secure ? "secure" : "insecure");

        yield return Case($"http://127.0.0.1:{Port}/hook");
        yield return Case($"http://127.1:{Port}/hook");
        yield return Case($"http://2130706433:{Port}/hook");
        yield return Case($"http://0x7f000001:{Port}/hook");
        yield return Case($"http://0177.0.0.1:{Port}/hook");
        yield return Case($"http://017700000001:{Port}/hook");
        yield return Case($"http://0x7f.1:{Port}/hook");
        yield return Case($"http://127.000.000.001:{Port}/hook");
        yield return Case($"http://127。0。0。1:{Port}/hook");
        yield return Case($"http://[::ffff:127.0.0.1]:{Port}/hook");
        yield return Case($"http://[0:0:0:0:0:ffff:7f00:1]:{Port}/hook");
        yield return Case($"http://0.0.0.0:{Port}/hook");
        yield return Case($"http://0:{Port}/hook");
        yield return Case($"https://127.0.0.1:{Port}/hook", secure: true);
        yield return Case($"http://[::1]:{Port}/hook", v6: true);
        yield return Case($"http://[0:0:0:0:0:0:0:1]:{Port}/hook", v6: true);
        yield return Case($"http://[::]:{Port}/hook", v6: true);
        yield return Case($"https://[::1]:{Port}/hook", v6: true, secure: true);

        // Names: the fake DNS answers 127.0.0.1 and ::1 for every one.
        yield return Case($"http://localhost:{Port}/hook", v6: true);
        yield return Case($"http://LOCALHOST:{Port}/hook", v6: true);
        yield return Case($"http://localhost.:{Port}/hook", v6: true);
        yield return Case($"http://127.0.0.1.:{Port}/hook", v6: true);
        yield return Case($"http://①②⑦.0.0.1:{Port}/hook", v6: true);
        yield return Case($"http://loopback.example:{Port}/hook", v6: true);
        yield return Case($"https://loopback.example:{Port}/hook", v6: true, secure: true);
    }

    [TestCaseSource(nameof(Urls))]
    public async Task Should_record_destination_not_allowed_and_never_connect(string template, bool v6, bool secure)
    {
        if (v6 && canaries.V6 is null)
        {
            Assert.Ignore($"IPv6 loopback form skipped: {canaries.V6Unavailable}");
        }

        Assert.That(Services.GetRequiredService<AddressPolicy>().Allowed, Is.Empty, "the sender must run with the strict policy");
        var url = template.Replace(Port, canaries.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await AddWebhookAsync(url);
        if (secure)
        {
            var webhook = (await Webhooks.GetAsync(Organization, "wh_1", Ct))!;
            await Webhooks.UpdateAsync(webhook with { Secure = true }, Ct);
        }

        var delivery = await AddDeliveryAsync();

        await Processor.ProcessAsync(new DeliverWebhook(delivery.Id, 1), Ct);

        var attempt = (await Attempts.ListByDeliveryAsync(delivery.Id, Ct)).Single();
        await canaries.FlushAsync(Ct);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(attempt.Succeeded, Is.False);
            Assert.That(attempt.ErrorKind, Is.EqualTo(AttemptErrorKind.DestinationNotAllowed), attempt.Error);
            Assert.That(attempt.Error, Does.StartWith("destination not allowed"));
            Assert.That(attempt.Response, Is.Null);
            Assert.That(canaries.Leaks, Is.Zero, canaries.ToString());
        }
    }

    [Test]
    public void Should_try_every_loopback_form() => Assert.That(Urls().Count(), Is.GreaterThanOrEqualTo(20));
}
