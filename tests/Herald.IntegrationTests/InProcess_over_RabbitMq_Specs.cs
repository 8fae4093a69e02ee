using System.Net;
using System.Text.Json.Nodes;
using Herald.IntegrationTests.Support;
using Herald.Messaging;
using Herald.Testing;

namespace Herald.IntegrationTests;

[TestFixture]
[Category("Integration")]
public sealed class When_every_role_runs_in_process_over_RabbitMq
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private RabbitMqVirtualHost? vhost;
    private LoopbackReceiver? receiver;
    private HeraldHost? herald;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        vhost = await (await RabbitMqBroker.GetAsync()).CreateVirtualHostAsync("inproc");
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

    [Test]
    public async Task Should_deliver_a_posted_record_to_the_webhook()
    {
        var org = AuditRecords.NewOrganization();
        await herald!.Client.CreateWebhookAsync(org, receiver!.UrlFor("/hooks/" + org));
        var id = Guid.NewGuid();

        var accepted = await herald.Client.AcceptAuditLogAsync(AuditRecords.Valid(id, org));

        Assert.That(accepted["event_id"]!.GetValue<string>(), Is.EqualTo($"evt_{id}"));
        await Wait.Eventually(() => Expect.True(For(org).Count == 1, "the receiver has not got the event yet"), Timeout);
        var body = JsonNode.Parse(For(org)[0].BodyText)!;
        Assert.That(body["event_id"]!.GetValue<string>(), Is.EqualTo($"evt_{id}"));
    }

    [Test]
    public async Task Should_consume_the_durable_fanout_queue_the_records_flow_through()
    {
        var queue = await vhost!.QueueAsync(Endpoints.Fanout);
        var exchange = await vhost.ExchangeExistsAsync(Endpoints.AuditLogRecordedExchange);

        Assert.That(queue, Is.Not.Null, "herald-fanout was not declared");
        Assert.That(queue!.ConsumerCount, Is.GreaterThanOrEqualTo(1));
        Assert.That(exchange, Is.True, "the exchange for plain-JSON publishers is missing");
    }

    [Test]
    public async Task Should_reject_a_bad_record_and_deliver_nothing_for_it()
    {
        var org = AuditRecords.NewOrganization();
        await herald!.Client.CreateWebhookAsync(org, receiver!.UrlFor("/hooks/" + org));
        var bad = AuditRecords.Valid(Guid.NewGuid(), org);
        bad["actor"]!["ip"] = "not an address";
        bad["date"] = "yesterday";

        using var rejected = await herald.Client.PostAuditLogAsync(bad);
        var problem = JsonNode.Parse(await rejected.Content.ReadAsStringAsync())!;

        Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "actor.ip", "date" }));

        // A good record sent after it arrives alone: the bad one never reached the broker.
        var good = Guid.NewGuid();
        await herald.Client.AcceptAuditLogAsync(AuditRecords.Valid(good, org));
        await Wait.Eventually(() => Expect.True(For(org).Count >= 1, "the good record was not delivered"), Timeout);
        Assert.That(For(org).Select(r => JsonNode.Parse(r.BodyText)!["event_id"]!.GetValue<string>()), Is.EqualTo(new[] { $"evt_{good}" }));
    }

    private List<ReceivedRequest> For(string org) =>
        receiver!.Requests.Where(r => r.Header("X-Herald-Org-Id").Contains(org)).ToList();
}

[TestFixture]
[Category("Integration")]
public sealed class When_only_ingest_runs_over_RabbitMq
{
    private RabbitMqVirtualHost? vhost;
    private HeraldHost? herald;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        vhost = await (await RabbitMqBroker.GetAsync()).CreateVirtualHostAsync("ingest");
        herald = await HeraldHost.StartOnRabbitMqAsync(vhost, "--Roles", "ingest");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (herald is not null) await herald.DisposeAsync();
        if (vhost is not null) await vhost.DisposeAsync();
    }

    [Test]
    public async Task Should_have_the_record_in_the_fanout_queue_when_it_answers_202()
    {
        var before = await ReadyInFanoutAsync();

        await herald!.Client.AcceptAuditLogAsync(AuditRecords.Valid(Guid.NewGuid(), AuditRecords.NewOrganization()));

        // No fanout consumer here: the message the broker confirmed waits in the queue, already counted.
        Assert.That(await ReadyInFanoutAsync(), Is.EqualTo(before + 1));
    }

    [Test]
    public async Task Should_put_nothing_in_the_fanout_queue_for_a_bad_record()
    {
        var before = await ReadyInFanoutAsync();
        var bad = AuditRecords.Valid(Guid.NewGuid(), AuditRecords.NewOrganization());
        bad.Remove("organization_id");

        using var rejected = await herald!.Client.PostAuditLogAsync(bad);

        Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ReadyInFanoutAsync(), Is.EqualTo(before));
    }

    private async Task<uint> ReadyInFanoutAsync() => (await vhost!.QueueAsync(Endpoints.Fanout))?.MessageCount ?? 0;
}
