using Herald.Contracts;
using Herald.IntegrationTests.Support;
using Herald.Messaging;
using Herald.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.IntegrationTests;

/// <summary>At-least-once upstreams: the same audit record (same audit_log_id) reaches fanout twice.</summary>
[TestFixture]
[Category("Integration")]
public sealed class When_the_same_record_is_published_twice
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private RabbitMqVirtualHost? vhost;
    private LoopbackReceiver? receiver;
    private HeraldHost? herald;
    private ConsumeCounter<AuditLogRecorded>? fannedOut;
    private ConnectHandle? observer;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        vhost = await (await RabbitMqBroker.GetAsync()).CreateVirtualHostAsync("redelivery");
        receiver = await LoopbackReceiver.StartAsync();
        herald = await HeraldHost.StartOnRabbitMqAsync(vhost);
        fannedOut = new ConsumeCounter<AuditLogRecorded>(m => m.AuditLogId?.ToString());
        observer = herald.Services.GetRequiredService<IBus>().ConnectConsumeObserver(fannedOut);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        observer?.Dispose();
        if (herald is not null) await herald.DisposeAsync();
        if (receiver is not null) await receiver.DisposeAsync();
        if (vhost is not null) await vhost.DisposeAsync();
    }

    [Test]
    public async Task Should_make_one_event_and_send_one_request()
    {
        var org = AuditRecords.NewOrganization();
        var webhook = await herald!.Client.CreateWebhookAsync(org, receiver!.UrlFor("/hooks/" + org));
        var webhookId = webhook["id"]!.GetValue<string>();
        var id = Guid.NewGuid();
        var record = AuditRecords.Valid(id, org).ToJsonString();

        await vhost!.PublishAsync(Endpoints.AuditLogRecordedExchange, record, Guid.NewGuid().ToString());
        await Wait.Eventually(async () =>
        {
            var detail = await herald.Client.GetEventAsync(org, webhookId, $"evt_{id}");
            Expect.True(detail["outcome"]!.GetValue<string>() == "succeeded", "the first copy was not delivered");
        }, Timeout);

        await vhost.PublishAsync(Endpoints.AuditLogRecordedExchange, record, Guid.NewGuid().ToString());
        await Wait.Eventually(() => Expect.True(fannedOut!.Consumed(id.ToString()) == 2, "fanout has not finished the second copy"), Timeout);

        // Fanout sends nothing for a delivery already made, so nothing more can arrive now.
        var events = await herald.Client.ListEventsAsync(org, webhookId);
        var requests = receiver.Requests.Where(r => r.Header("X-Herald-Org-Id").Contains(org)).ToList();
        Assert.That(events["total"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(events["items"]![0]!["attempt_count"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Should_send_one_request_when_both_copies_arrive_together()
    {
        var org = AuditRecords.NewOrganization();
        var webhook = await herald!.Client.CreateWebhookAsync(org, receiver!.UrlFor("/hooks/" + org));
        var webhookId = webhook["id"]!.GetValue<string>();
        var id = Guid.NewGuid();
        var record = AuditRecords.Valid(id, org).ToJsonString();

        await Task.WhenAll(
            vhost!.PublishAsync(Endpoints.AuditLogRecordedExchange, record, Guid.NewGuid().ToString()),
            vhost.PublishAsync(Endpoints.AuditLogRecordedExchange, record, Guid.NewGuid().ToString()));
        await Wait.Eventually(() => Expect.True(fannedOut!.Consumed(id.ToString()) == 2, "fanout has not finished both copies"), Timeout);
        await Wait.Eventually(async () =>
        {
            var detail = await herald.Client.GetEventAsync(org, webhookId, $"evt_{id}");
            Expect.True(detail["outcome"]!.GetValue<string>() == "succeeded", "not delivered yet");
        }, Timeout);

        var requests = receiver.Requests.Where(r => r.Header("X-Herald-Org-Id").Contains(org)).ToList();
        Assert.That(requests, Has.Count.EqualTo(1));
    }
}
