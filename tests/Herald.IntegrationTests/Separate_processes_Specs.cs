using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Herald.IntegrationTests.Support;
using Herald.Testing;
using NUnit.Framework.Interfaces;

namespace Herald.IntegrationTests;

/// <summary>
/// The distributed shape: <c>herald --roles ingest,api</c>, <c>--roles fanout</c> and <c>--roles delivery</c>
/// as three processes on one RabbitMQ virtual host and one shared SQLite file.
/// </summary>
[TestFixture]
[Category("EndToEnd")]
public sealed partial class When_each_role_runs_in_its_own_process
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly List<HeraldProcess> processes = [];
    private RabbitMqVirtualHost? vhost;
    private TempDatabase? database;
    private LoopbackReceiver? receiver;

    private HeraldClient Front => processes[0].Client;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        HeraldProcess.HostAssembly();
        vhost = await (await RabbitMqBroker.GetAsync()).CreateVirtualHostAsync("e2e");
        database = new TempDatabase();
        receiver = await LoopbackReceiver.StartAsync();
        string[] settings = ["--Transport", "RabbitMq", "--RabbitMq:Url", vhost.Url.ToString(), "--Sqlite:Path", database.Path];
        foreach (var roles in new[] { "ingest,api", "fanout", "delivery" })
        {
            processes.Add(HeraldProcess.Start(roles, settings));
        }

        await Task.WhenAll(processes.Select(p => p.WaitUntilHealthyAsync(Timeout)));
    }

    [TearDown]
    public void WriteProcessOutputOnFailure()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
        {
            foreach (var process in processes)
            {
                TestContext.Out.WriteLine(process.Output);
            }
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        if (receiver is not null) await receiver.DisposeAsync();
        if (vhost is not null) await vhost.DisposeAsync();
        database?.Dispose();
    }

    [Test]
    public async Task Should_send_exactly_the_documented_request_and_record_the_attempt()
    {
        var org = AuditRecords.NewOrganization();
        var url = receiver!.UrlFor("/hooks/" + org);
        var webhook = await Front.CreateWebhookAsync(org, url, ("Test", "Webhook"), ("X-Custom", "42"));
        var webhookId = webhook["id"]!.GetValue<string>();
        var id = Guid.NewGuid();

        await Front.AcceptAuditLogAsync(AuditRecords.Valid(id, org));

        var detail = await SucceededAsync(org, webhookId, $"evt_{id}");
        var requests = receiver.Requests.Where(r => r.Header("X-Herald-Org-Id").Contains(org)).ToList();
        Assert.That(requests, Has.Count.EqualTo(1));
        var request = requests[0];

        var occurredAt = JsonNode.Parse(request.BodyText)!["occurred_at"]!.GetValue<string>();
        Assert.That(occurredAt, Does.Match(MillisecondsUtc()));
        Assert.That(DateTimeOffset.Parse(occurredAt, CultureInfo.InvariantCulture), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(2)));
        var expected = ("{'data':{'actor':{'ip':'203.0.113.7','user_agent':'Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0','username':'koray'},"
            + $"'date':'{AuditRecords.Date}','description':'User is logged in','event_category':'user','event_name':'login'}},"
            + $"'event_category':'audit_log_creation','event_id':'evt_{id}','occurred_at':'{occurredAt}','organization_id':'{org}'}}").Replace('\'', '"');
        Assert.That(request.BodyText, Is.EqualTo(expected));

        Assert.That(request.Method, Is.EqualTo("POST"));
        Assert.That(request.Headers.Select(h => h.Key), Is.EquivalentTo(new[]
        {
            "Host", "Content-Length", "Content-Type", "User-Agent", "X-Herald-Org-Id", "Test", "X-Custom",
            "webhook-id", "webhook-timestamp", "webhook-signature",
        }).Using((IEqualityComparer<string>)StringComparer.OrdinalIgnoreCase), "no other header, traceparent and baggage included");
        var messageId = Single(request, "webhook-id");
        var timestamp = Single(request, "webhook-timestamp");
        Assert.Multiple(() =>
        {
            Assert.That(Single(request, "Content-Type"), Is.EqualTo("application/json"));
            Assert.That(Single(request, "User-Agent"), Is.EqualTo("Herald-Webhook/1.0"));
            Assert.That(Single(request, "X-Herald-Org-Id"), Is.EqualTo(org));
            Assert.That(Single(request, "Test"), Is.EqualTo("Webhook"));
            Assert.That(Single(request, "X-Custom"), Is.EqualTo("42"));
            Assert.That(messageId, Is.EqualTo(detail["delivery_id"]!.GetValue<string>()).And.StartsWith("msg_"));
            Assert.That(long.Parse(timestamp, CultureInfo.InvariantCulture), Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Within(120));
            Assert.That(Single(request, "webhook-signature"),
                Is.EqualTo(StandardWebhooks.Signature(webhook["secret"]!.GetValue<string>(), messageId, timestamp, request.Body)));
        });

        var attempts = detail["attempts"]!.AsArray();
        Assert.That(attempts, Has.Count.EqualTo(1));
        var attempt = attempts[0]!;
        var sent = attempt["request"]!["headers"]!.AsArray().Select(h => (h!["key"]!.GetValue<string>(), h["value"]!.GetValue<string>())).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(attempt["request"]!["url"]!.GetValue<string>(), Is.EqualTo(url));
            Assert.That(attempt["request"]!["method"]!.GetValue<string>(), Is.EqualTo("POST"));
            Assert.That(sent, Does.Contain(("Test", "Webhook")).And.Contain(("X-Custom", "42")));
            Assert.That(attempt["response"]!["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(attempt["duration_ms"]!.GetValue<double>(), Is.GreaterThan(0));
            Assert.That(attempt["succeeded"]!.GetValue<bool>(), Is.True);
            Assert.That(detail["outcome"]!.GetValue<string>(), Is.EqualTo("succeeded"));
        });
    }

    private async Task<JsonNode> SucceededAsync(string org, string webhookId, string eventId)
    {
        JsonNode? detail = null;
        await Wait.Eventually(async () =>
        {
            try
            {
                detail = await Front.GetEventAsync(org, webhookId, eventId);
            }
            catch (InvalidOperationException)
            {
                detail = null;
            }

            Expect.True(detail?["outcome"]?.GetValue<string>() == "succeeded", $"{eventId} is not delivered yet: {detail?.ToJsonString() ?? "no event"}");
        }, Timeout);
        return detail!;
    }

    private static string Single(ReceivedRequest request, string header)
    {
        var values = request.Header(header);
        Assert.That(values, Has.Count.EqualTo(1), $"{header} should be sent once");
        return values[0];
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex MillisecondsUtc();
}
