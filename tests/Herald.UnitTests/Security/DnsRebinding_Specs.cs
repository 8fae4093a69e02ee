using System.Globalization;
using System.Net;
using Herald.Delivery.Security;
using Herald.Storage;
using Herald.Testing;
using Herald.UnitTests.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.UnitTests.Security;

/// <summary>
/// DNS rebinding through the whole app: the name is public when registered and loopback when
/// sent to. The check on the address dialled refuses it; the canary proves nothing connected.
/// </summary>
public sealed class When_a_registered_name_rebinds_to_loopback : HeraldServer
{
    private readonly RebindingResolver resolver = new(IPAddress.Parse("93.184.215.14"), IPAddress.Loopback);
    private Canary canary = null!;

    protected override string? AllowedNetworks => null;

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [AddressPolicyServiceCollectionExtensions.AllowedNetworksSetting] = "" });
        builder.Services.AddSingleton<IHostResolver>(resolver);
    }

    [OneTimeSetUp]
    public void StartCanary() => canary = Canary.Start(IPAddress.Loopback);

    [OneTimeTearDown]
    public async Task StopCanary()
    {
        await TestContext.Progress.WriteLineAsync($"rebinding canary: {canary}");
        await canary.DisposeAsync();
    }

    [Test]
    public async Task Should_refuse_the_loopback_address_at_send_time_and_never_connect()
    {
        Assert.That(Services.GetRequiredService<AddressPolicy>().Allowed, Is.Empty, "the app must run with the strict policy");
        var org = NewOrganization();
        var url = $"http://rebind.example:{canary.Port.ToString(CultureInfo.InvariantCulture)}/hook";

        resolver.Registering = true;
        var (status, created) = await SendAsync(HttpMethod.Post, "/v1/webhooks", org, WebhookBody(url));
        resolver.Registering = false;
        Assert.That((status, resolver.Calls), Is.EqualTo((201, 1)), created?.ToJsonString());

        var webhookId = created!["id"]!.GetValue<string>();
        var auditLogId = Guid.NewGuid();
        Assert.That((await SendAsync(HttpMethod.Post, "/v1/audit-logs", null, AuditRecord(org, auditLogId))).Status, Is.EqualTo(202));
        var deliveryId = Ids.Delivery($"evt_{auditLogId}", webhookId);
        var attempts = Services.GetRequiredService<IAttemptStore>();
        IReadOnlyList<DeliveryAttempt> stored = [];
        await Wait.Eventually(async () =>
        {
            stored = await attempts.ListByDeliveryAsync(deliveryId, Ct);
            Settle.Require(stored.Count > 0, "the first attempt is stored");
        }, TimeSpan.FromSeconds(20));

        await canary.FlushAsync(Ct);
        var attempt = stored[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(attempt.Succeeded, Is.False);
            Assert.That(attempt.ErrorKind, Is.EqualTo(AttemptErrorKind.DestinationNotAllowed), attempt.Error);
            Assert.That(attempt.Error, Does.StartWith("destination not allowed").And.Contain("127.0.0.1 (loopback)"));
            Assert.That(resolver.Calls, Is.GreaterThanOrEqualTo(2));
            Assert.That(canary.Leaks, Is.Empty, canary.ToString());
        }
    }
}
