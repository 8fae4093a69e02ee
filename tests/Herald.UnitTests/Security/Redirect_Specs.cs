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
/// An allowed endpoint (127.0.0.1 only) that redirects elsewhere: the sender records the
/// redirect as the answer and follows nothing. The canary on 127.0.0.2 is loopback but outside
/// the allow-list.
/// </summary>
public sealed class When_an_allowed_endpoint_redirects : DeliveryRig
{
    private readonly FakeHostResolver resolver = new() { Otherwise = [IPAddress.Loopback] };
    private Canary canary = null!;

    protected override Dictionary<string, string?> Settings => new() { [AddressPolicyServiceCollectionExtensions.AllowedNetworksSetting] = "127.0.0.1/32" };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IHostResolver>(resolver));

    [SetUp]
    public void StartCanary() => canary = Canary.Start(IPAddress.Parse("127.0.0.2"));

    [TearDown]
    public async Task StopCanary()
    {
        await TestContext.Progress.WriteLineAsync($"redirect canary: {canary}");
        await canary.DisposeAsync();
    }

    [TestCase(302, "http://127.0.0.2:{P}/")]
    [TestCase(307, "http://169.254.169.254/latest/meta-data/")]
    [TestCase(308, "http://[::ffff:127.0.0.2]:{P}/")]
    [TestCase(301, "http://localhost:{P}/")]
    public async Task Should_record_the_redirect_and_follow_nothing(int status, string location)
    {
        var target = location.Replace("{P}", canary.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Receiver.Respond = (_, context) =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = target;
            return Task.CompletedTask;
        };
        await AddWebhookAsync(Receiver.UrlFor("/hook"));
        var delivery = await AddDeliveryAsync();

        await Processor.ProcessAsync(new DeliverWebhook(delivery.Id, 1), Ct);

        var attempt = (await Attempts.ListByDeliveryAsync(delivery.Id, Ct)).Single();
        await canary.FlushAsync(Ct);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(attempt.Succeeded, Is.False);
            Assert.That(attempt.ErrorKind, Is.EqualTo(AttemptErrorKind.HttpStatus), attempt.Error);
            Assert.That(attempt.Response?.StatusCode, Is.EqualTo(status));
            Assert.That(attempt.Response?.Headers, Has.Some.EqualTo(new WebhookHeader("Location", target)));
            Assert.That(Receiver.Requests, Has.Count.EqualTo(1));
            Assert.That(canary.Leaks, Is.Empty, canary.ToString());
            Assert.That(resolver.Queries, Is.Empty);
        }
    }
}
