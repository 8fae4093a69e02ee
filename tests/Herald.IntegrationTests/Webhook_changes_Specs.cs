using System.Text.Json.Nodes;
using Herald.Fanout;
using Herald.IntegrationTests.Support;
using Herald.Storage;
using Herald.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.IntegrationTests;

/// <summary>
/// The api role and the fanout role in different hosts over RabbitMQ, sharing one store: a
/// webhook changed through the api reaches the fanout host's cached subscriptions.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class When_webhooks_change_while_fanout_runs_elsewhere
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private RabbitMqVirtualHost? vhost;
    private LoopbackReceiver? receiver;
    private TempDatabase? database;
    private HeraldHost? api;
    private HeraldHost? fanout;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        vhost = await (await RabbitMqBroker.GetAsync()).CreateVirtualHostAsync("changes");
        receiver = await LoopbackReceiver.StartAsync();
        database = new TempDatabase();
        // An hour: only the announcement can make the fanout host read the store again in time.
        api = await HeraldHost.StartOnRabbitMqAsync(vhost, "--Roles", "api,ingest", "--Sqlite:Path", database.Path);
        fanout = await HeraldHost.StartOnRabbitMqAsync(vhost, "--Roles", "fanout,delivery", "--Sqlite:Path", database.Path,
            "--Fanout:WebhookCacheTtl", "01:00:00");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (fanout is not null) await fanout.DisposeAsync();
        if (api is not null) await api.DisposeAsync();
        if (receiver is not null) await receiver.DisposeAsync();
        if (vhost is not null) await vhost.DisposeAsync();
        database?.Dispose();
    }

    [Test]
    public async Task Should_fan_out_to_a_webhook_added_and_not_to_one_disabled_after_the_cache_was_filled()
    {
        var org = AuditRecords.NewOrganization();
        var cache = fanout!.Services.GetRequiredService<SubscriberCache>();
        var first = await api!.Client.CreateWebhookAsync(org, receiver!.UrlFor("/first/" + org));
        var one = Guid.NewGuid();
        await api.Client.AcceptAuditLogAsync(AuditRecords.Valid(one, org));
        await Wait.Eventually(() => Expect.True(Received("/first/" + org).Count == 1, "the first record was not delivered"), Timeout);
        Assert.That(cache.IsCached(org, EventCategories.AuditLogCreation), Is.True, "fan-out did not cache the subscriptions");

        await api.Client.CreateWebhookAsync(org, receiver.UrlFor("/second/" + org));
        await api.Client.SetWebhookEnabledAsync(org, first, enabled: false);
        await Wait.Eventually(() => Expect.True(!cache.IsCached(org, EventCategories.AuditLogCreation), "the change did not reach fan-out"), Timeout);
        var two = Guid.NewGuid();
        await api.Client.AcceptAuditLogAsync(AuditRecords.Valid(two, org));
        await Wait.Eventually(() => Expect.True(Received("/second/" + org).Count == 1, "the second record was not delivered"), Timeout);
        var firstEvents = await api.Client.ListEventsAsync(org, first["id"]!.GetValue<string>());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Received("/second/" + org), Is.EqualTo(new[] { $"evt_{two}" }));
            Assert.That(Received("/first/" + org), Is.EqualTo(new[] { $"evt_{one}" }));
            Assert.That(firstEvents["items"]!.AsArray().Select(e => e!["event_id"]!.GetValue<string>()), Is.EqualTo(new[] { $"evt_{one}" }),
                "the disabled webhook got a delivery for the second record");
        }
    }

    private List<string> Received(string path) =>
        [.. receiver!.Requests.Where(r => r.Path == path).Select(r => JsonNode.Parse(r.BodyText)!["event_id"]!.GetValue<string>())];
}
