using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json.Nodes;
using Herald.IntegrationTests.Support;
using Herald.Messaging;
using Herald.Testing;

namespace Herald.IntegrationTests.Guarantees;

/// <summary>Messages Herald cannot process go aside, are counted, and do not hold up what follows.</summary>
[TestFixture]
[Category("Integration")]
public sealed class When_poison_messages_reach_the_fanout_queue
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly ConcurrentQueue<(string? Destination, string? Reason, long Value)> poison = new();
    private MeterListener? listener;
    private RabbitMqVirtualHost? vhost;
    private LoopbackReceiver? receiver;
    private HeraldHost? herald;
    private readonly WarningLog warnings = new();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        vhost = await (await RabbitMqBroker.GetAsync()).CreateVirtualHostAsync("poison");
        receiver = await LoopbackReceiver.StartAsync();
        herald = await HeraldHost.StartOnRabbitMqAsync(vhost, warnings);
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Herald" && instrument.Name == "herald.messages.poison")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? destination = null, reason = null;
            foreach (var tag in tags)
            {
                destination = tag.Key == "messaging.destination.name" ? tag.Value as string : destination;
                reason = tag.Key == "herald.reason" ? tag.Value as string : reason;
            }

            poison.Enqueue((destination, reason, value));
        });
        listener.Start();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        listener?.Dispose();
        if (herald is not null) await herald.DisposeAsync();
        if (receiver is not null) await receiver.DisposeAsync();
        if (vhost is not null) await vhost.DisposeAsync();
    }

    [Test]
    public async Task Should_set_them_aside_count_them_by_reason_and_go_on_delivering()
    {
        var org = AuditRecords.NewOrganization();
        await herald!.Client.CreateWebhookAsync(org, receiver!.UrlFor("/hooks/" + org));

        var unknown = new JsonObject
        {
            ["messageId"] = Guid.NewGuid().ToString(),
            ["messageType"] = new JsonArray("urn:message:Nope:Unknown"),
            ["message"] = new JsonObject { ["nope"] = true },
            ["sentTime"] = "2025-11-12T12:12:48Z",
            ["headers"] = new JsonObject(),
        };
        await vhost!.PublishAsync(Endpoints.Fanout, unknown.ToJsonString(), Guid.NewGuid().ToString(), "application/vnd.masstransit+json");
        await vhost.PublishAsync(Endpoints.Fanout, """{"audit_log_id": "12""", Guid.NewGuid().ToString(), "application/json");

        await Wait.Eventually(async () =>
        {
            Assert.That((await vhost.QueueAsync(Endpoints.Fanout + "_skipped"))?.MessageCount, Is.EqualTo(1));
            Assert.That((await vhost.QueueAsync(Endpoints.Fanout + "_error"))?.MessageCount, Is.EqualTo(1));
        }, Timeout);
        await Wait.Eventually(() => Assert.That(poison.Sum(p => p.Value), Is.GreaterThanOrEqualTo(2)), Timeout);

        var skipped = await vhost.TakeAsync(Endpoints.Fanout + "_skipped");
        var skippedReason = skipped!.BasicProperties.Headers?.TryGetValue("MT-Reason", out var reasonValue) == true && reasonValue is byte[] reasonBytes
            ? Encoding.UTF8.GetString(reasonBytes)
            : null;
        var failed = await vhost.TakeAsync(Endpoints.Fanout + "_error");
        var faultHeaders = (failed!.BasicProperties.Headers ?? new Dictionary<string, object?>())
            .Where(h => h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal))
            .ToDictionary(h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString());

        var good = Guid.NewGuid();
        await vhost.PublishAsync(Endpoints.Fanout, AuditRecords.Valid(good, org).ToJsonString(), Guid.NewGuid().ToString());
        await receiver.WaitForAsync(1, Timeout);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(skippedReason, Is.EqualTo($"skipped: no consumer on {Endpoints.Fanout} takes urn:message:Nope:Unknown"));
            Assert.That(warnings.Lines, Has.Some.EqualTo(
                $"Herald.Messaging.SkippedMessageFilter: A message on {Endpoints.Fanout} was moved to its _skipped queue: {skippedReason}"));
            Assert.That(warnings.Lines, Has.Some.StartsWith($"Herald.Messaging.PoisonMessageObserver: A message on {Endpoints.Fanout} could not be read"));
            Assert.That(JsonNode.Parse(skipped.Body.Span)!["message"]!["nope"]!.GetValue<bool>(), Is.True);
            Assert.That(Encoding.UTF8.GetString(failed.Body.Span), Is.EqualTo("""{"audit_log_id": "12"""));
            Assert.That(faultHeaders.GetValueOrDefault("MT-Fault-Message"), Is.Not.Empty, "headers: " + string.Join(", ", faultHeaders.Keys));
            Assert.That(poison.Select(p => (p.Destination, p.Reason, p.Value)), Is.EquivalentTo(new[]
            {
                ((string?)Endpoints.Fanout, (string?)"unknown_message_type", 1L),
                (Endpoints.Fanout, "unreadable", 1L),
            }));
            Assert.That(JsonNode.Parse(receiver.Requests.Single().BodyText)!["event_id"]!.GetValue<string>(), Is.EqualTo($"evt_{good}"));
        }
    }
}
