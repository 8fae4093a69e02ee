using System.Net;
using Herald.Contracts;
using Herald.Delivery.Security;
using Herald.Storage;
using Herald.UnitTests.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.UnitTests.Security;

/// <summary>
/// The positive control for the canaries: with loopback allowed, the same sender does reach
/// them, so a zero count under the strict policy means nothing connected, not a deaf canary.
/// </summary>
public sealed class When_loopback_is_allowed_the_canary_sees_the_sender : DeliveryRig
{
    private readonly FakeHostResolver resolver = new() { Otherwise = [IPAddress.Loopback] };
    private Canaries canaries = null!;

    protected override Dictionary<string, string?> Settings => new()
    {
        [AddressPolicyServiceCollectionExtensions.AllowedNetworksSetting] = "127.0.0.0/8,::1/128",
        ["Delivery:Timeout"] = "00:00:05",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IHostResolver>(resolver));

    [SetUp]
    public void StartCanaries() => canaries = Canaries.Start();

    [TearDown]
    public async Task StopCanaries()
    {
        await TestContext.Progress.WriteLineAsync($"control canaries: {canaries}");
        await canaries.DisposeAsync();
    }

    [TestCase("http://127.0.0.1:{P}/hook", false)]
    [TestCase("http://0x7f000001:{P}/hook", false)]
    [TestCase("http://loopback.example:{P}/hook", false)]
    [TestCase("http://[::1]:{P}/hook", true)]
    public async Task Should_connect_to_the_canary(string template, bool v6)
    {
        var canary = v6 ? canaries.V6 : canaries.V4;
        if (canary is null)
        {
            Assert.Ignore($"IPv6 control skipped: {canaries.V6Unavailable}");
        }

        await AddWebhookAsync(template.Replace("{P}", canaries.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var delivery = await AddDeliveryAsync();

        await Processor.ProcessAsync(new DeliverWebhook(delivery.Id, 1), Ct);

        var attempt = (await Attempts.ListByDeliveryAsync(delivery.Id, Ct)).Single();
        await canaries.FlushAsync(Ct);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(canary.Leaks, Has.Count.GreaterThanOrEqualTo(1), canaries.ToString());
            Assert.That(attempt.Succeeded, Is.False);
            Assert.That(attempt.ErrorKind, Is.Not.EqualTo(AttemptErrorKind.DestinationNotAllowed), attempt.Error);
        }
    }
}
