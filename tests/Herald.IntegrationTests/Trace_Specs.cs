using System.Collections.Concurrent;
using System.Diagnostics;
using Herald.IntegrationTests.Support;
using Herald.Testing;
using NUnit.Framework.Interfaces;

namespace Herald.IntegrationTests;

/// <summary>One trace from the ingest request through fanout to the attempt's HTTP call, and the attempt records it.</summary>
[TestFixture]
[Category("Integration")]
public sealed class When_a_record_is_traced_through_every_role
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly string[] Sources = ["Herald", "MassTransit", "Microsoft.AspNetCore", "System.Net.Http"];
    private readonly ConcurrentQueue<Activity> stopped = new();
    private ActivityListener? listener;
    private LoopbackReceiver? receiver;
    private HeraldHost? herald;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => Sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        receiver = await LoopbackReceiver.StartAsync();
        herald = await HeraldHost.StartInMemoryAsync();
    }

    [TearDown]
    public void WriteSpansOnFailure()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
        {
            foreach (var a in stopped)
            {
                TestContext.Out.WriteLine($"{a.TraceId} {a.SpanId} <- {a.ParentSpanId} {a.Source.Name} {a.Kind} {a.DisplayName}");
            }
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (herald is not null) await herald.DisposeAsync();
        if (receiver is not null) await receiver.DisposeAsync();
        listener?.Dispose();
    }

    [Test]
    public async Task Should_share_one_trace_id_from_ingest_to_the_http_call()
    {
        var org = AuditRecords.NewOrganization();
        var webhookId = (await herald!.Client.CreateWebhookAsync(org, receiver!.UrlFor("/hooks/" + org)))["id"]!.GetValue<string>();
        var eventId = $"evt_{Guid.NewGuid()}";

        await herald.Client.AcceptAuditLogAsync(AuditRecords.Valid(Guid.Parse(eventId[4..]), org));

        await Wait.Eventually(() => Expect.True(Herald("herald attempt", eventId) is not null, "no attempt span yet"), Timeout);
        System.Text.Json.Nodes.JsonNode? detail = null;
        await Wait.Eventually(async () =>
        {
            detail = await herald.Client.GetEventAsync(org, webhookId, eventId);
            Expect.True(detail["attempts"]!.AsArray().Count == 1, "the attempt is not stored yet");
        }, Timeout);

        var fanout = Herald("herald fanout", eventId);
        var attempt = Herald("herald attempt", eventId)!;
        Assert.That(fanout, Is.Not.Null, "no herald fanout span");
        var trace = fanout!.TraceId;
        var spans = stopped.Where(a => a.TraceId == trace).ToList();
        var ingest = spans.Where(a => a.Source.Name == "Microsoft.AspNetCore" && a.Kind == ActivityKind.Server
            && ((a.GetTagItem("url.path") as string) ?? a.DisplayName).Contains("/v1/audit-logs", StringComparison.Ordinal));
        var sends = spans.Where(a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Producer).ToList();
        var consumes = spans.Where(a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Consumer).ToList();
        var http = spans.Where(a => a.Source.Name == "System.Net.Http" && a.Kind == ActivityKind.Client && a.ParentSpanId == attempt.SpanId);

        Assert.Multiple(() =>
        {
            Assert.That(ingest, Has.Exactly(1).Items, "the ingest request span");
            Assert.That(sends, Has.Count.GreaterThanOrEqualTo(2), "MassTransit sends to herald-fanout and herald-delivery");
            Assert.That(consumes, Has.Count.GreaterThanOrEqualTo(2), "MassTransit consumes on herald-fanout and herald-delivery");
            Assert.That(attempt.TraceId, Is.EqualTo(trace), "the herald attempt span");
            Assert.That(http, Has.Exactly(1).Items, "the attempt's HTTP client span");
            Assert.That(detail!["attempts"]![0]!["trace_id"]!.GetValue<string>(), Is.EqualTo(trace.ToHexString()));
        });
    }

    private Activity? Herald(string name, string eventId) => stopped.FirstOrDefault(a =>
        a.Source.Name == "Herald" && a.OperationName == name && (a.GetTagItem("herald.event_id") as string) == eventId);
}
