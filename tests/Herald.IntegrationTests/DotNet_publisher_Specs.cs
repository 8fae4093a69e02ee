using Herald.Contracts;
using Herald.IntegrationTests.Support;
using Herald.Testing;
using MassTransit;

namespace Herald.IntegrationTests;

/// <summary>A .NET upstream with its own MassTransit bus and only Herald.Contracts: a plain Publish reaches fan-out.</summary>
[Category("Integration")]
public sealed class When_a_dotnet_upstream_publishes_with_the_contracts
{
    [Test]
    public async Task Should_deliver_a_record_published_with_default_masstransit_conventions()
    {
        await using var vhost = await (await RabbitMqBroker.GetAsync()).CreateVirtualHostAsync("dotnet");
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var herald = await HeraldHost.StartOnRabbitMqAsync(vhost);
        var org = AuditRecords.NewOrganization();
        await herald.Client.CreateWebhookAsync(org, receiver.UrlFor("/hooks/" + org));

        var upstream = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(vhost.Url));
        await upstream.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        var id = Guid.NewGuid();
        try
        {
            await upstream.Publish(new AuditLogRecorded
            {
                AuditLogId = id,
                OrganizationId = org,
                Actor = new AuditActor("203.0.113.7", "Mozilla/5.0", "koray"),
                Date = new DateTimeOffset(2025, 11, 12, 15, 12, 48, 626, TimeSpan.FromHours(3)).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                Description = "User is logged in",
                EventCategory = "user",
                EventName = "login",
            });
        }
        finally
        {
            await upstream.StopAsync();
        }

        await receiver.WaitForAsync(1, TimeSpan.FromSeconds(30));
        Assert.That(receiver.Requests.Single().BodyText, Does.Contain($"\"event_id\":\"evt_{id:D}\"").And.Contain("\"username\":\"koray\"")
            .And.Contain("\"date\":\"2025-11-12T12:12:48.6260000Z\""));
    }
}
