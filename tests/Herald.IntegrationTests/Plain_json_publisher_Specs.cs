using System.Text.Json.Nodes;
using Herald.IntegrationTests.Support;
using Herald.Messaging;
using Herald.Testing;

namespace Herald.IntegrationTests;

/// <summary>An upstream in any language publishes the bare snake_case record with RabbitMQ's own client.</summary>
[TestFixture]
[Category("Integration")]
public sealed class When_a_non_dotnet_upstream_publishes_plain_json
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private RabbitMqVirtualHost? vhost;
    private LoopbackReceiver? receiver;
    private HeraldHost? herald;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        vhost = await (await RabbitMqBroker.GetAsync()).CreateVirtualHostAsync("plainjson");
        receiver = await LoopbackReceiver.StartAsync();
        herald = await HeraldHost.StartOnRabbitMqAsync(vhost);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (herald is not null) await herald.DisposeAsync();
        if (receiver is not null) await receiver.DisposeAsync();
        if (vhost is not null) await vhost.DisposeAsync();
    }

    [TestCase(Endpoints.AuditLogRecordedExchange)]
    [TestCase(Endpoints.Fanout)]
    public async Task Should_deliver_the_record_published_on_the_exchange(string exchange)
    {
        var org = await NewSubscriberAsync();
        var id = Guid.NewGuid();

        await vhost!.PublishAsync(exchange, AuditRecords.Valid(id, org).ToJsonString(), messageId: Guid.NewGuid().ToString());

        await Wait.Eventually(() => Expect.True(For(org).Count == 1, $"nothing delivered for a record published on {exchange}"), Timeout);
        Assert.That(EventIdOf(For(org)[0]), Is.EqualTo($"evt_{id}"));
    }

    [Test]
    public async Task Should_derive_the_event_from_the_message_id_when_the_record_has_no_id()
    {
        var org = await NewSubscriberAsync();
        var record = AuditRecords.Valid(Guid.NewGuid(), org);
        record.Remove("audit_log_id");
        var messageId = Guid.NewGuid();

        await vhost!.PublishAsync(Endpoints.AuditLogRecordedExchange, record.ToJsonString(), messageId.ToString());

        await Wait.Eventually(() => Expect.True(For(org).Count == 1, "nothing delivered for a record without audit_log_id"), Timeout);
        Assert.That(EventIdOf(For(org)[0]), Is.EqualTo($"evt_{messageId}"));
    }

    [Test]
    public async Task Should_move_malformed_json_to_the_error_queue_and_go_on_delivering()
    {
        var errorQueue = Endpoints.Fanout + "_error";
        var before = (await vhost!.QueueAsync(errorQueue))?.MessageCount ?? 0;
        var org = await NewSubscriberAsync();
        var good = Guid.NewGuid();

        await vhost.PublishAsync(Endpoints.AuditLogRecordedExchange, """{"audit_log_id": "12""", Guid.NewGuid().ToString());
        await Wait.Eventually(
            async () => Expect.True((await vhost.QueueAsync(errorQueue))?.MessageCount == before + 1, $"{errorQueue} did not get the malformed message"),
            Timeout);
        await vhost.PublishAsync(Endpoints.AuditLogRecordedExchange, AuditRecords.Valid(good, org).ToJsonString(), Guid.NewGuid().ToString());

        await Wait.Eventually(() => Expect.True(For(org).Count == 1, "the record after the malformed one was not delivered"), Timeout);
        Assert.That(EventIdOf(For(org)[0]), Is.EqualTo($"evt_{good}"));
    }

    private async Task<string> NewSubscriberAsync()
    {
        var org = AuditRecords.NewOrganization();
        await herald!.Client.CreateWebhookAsync(org, receiver!.UrlFor("/hooks/" + org));
        return org;
    }

    private List<ReceivedRequest> For(string org) =>
        receiver!.Requests.Where(r => r.Header("X-Herald-Org-Id").Contains(org)).ToList();

    private static string EventIdOf(ReceivedRequest request) => JsonNode.Parse(request.BodyText)!["event_id"]!.GetValue<string>();
}
