using Herald.IntegrationTests.Support;
using Herald.Testing;

namespace Herald.IntegrationTests;

[Category("Integration")]
public sealed class When_an_otlp_endpoint_is_configured
{
    [Test]
    public async Task Should_export_traces_and_metrics_over_otlp()
    {
        await using var collector = await LoopbackReceiver.StartAsync();
        await using var receiver = await LoopbackReceiver.StartAsync();
        var herald = await HeraldHost.StartInMemoryAsync(
            "--Telemetry:OtlpEndpoint", collector.BaseUrl.ToString().TrimEnd('/'),
            "--Telemetry:OtlpProtocol", "http/protobuf",
            "--OTEL_BSP_SCHEDULE_DELAY", "100",
            "--OTEL_METRIC_EXPORT_INTERVAL", "200");
        await using (herald)
        {
            var org = AuditRecords.NewOrganization();
            await herald.Client.CreateWebhookAsync(org, receiver.UrlFor("/hooks/" + org));
            await herald.Client.AcceptAuditLogAsync(AuditRecords.Valid(Guid.NewGuid(), org));
            await receiver.WaitForAsync(1, TimeSpan.FromSeconds(20));

            await Wait.Eventually(() =>
            {
                var paths = collector.Requests.Select(r => r.Path).ToHashSet();
                Assert.That(paths, Does.Contain("/v1/traces").And.Contain("/v1/metrics"));
                Assert.That(MetricNamesExported(collector), Does.Contain("herald.attempts").And.Contain("herald.deliveries.open").And.Contain("herald.deliveries.due_age"));
            }, TimeSpan.FromSeconds(20));
        }

        var traces = collector.Requests.First(r => r.Path == "/v1/traces");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(traces.Method, Is.EqualTo("POST"));
            Assert.That(traces.Header("Content-Type").Single(), Does.StartWith("application/x-protobuf"));
            Assert.That(collector.Requests.Where(r => r.Path == "/v1/traces").Sum(r => r.Body.Length), Is.GreaterThan(100));
            Assert.That(collector.Requests.Where(r => r.Path == "/v1/traces").Any(r => r.BodyText.Contains("herald attempt", StringComparison.Ordinal)),
                Is.True, "Herald's own attempt span is among the exported spans");
        }
    }

    // Metric names travel as plain UTF-8 strings inside the protobuf export.
    private static string MetricNamesExported(LoopbackReceiver collector) =>
        string.Join("\n", collector.Requests.Where(r => r.Path == "/v1/metrics").Select(r => r.BodyText));

    [Test]
    public async Task Should_print_spans_to_the_console_on_request()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        using var database = new TempDatabase();
        await using var herald = HeraldProcess.Start("all", "--Transport", "InMemory", "--Sqlite:Path", database.Path, "--Telemetry:Console", "true");
        await herald.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));
        var org = AuditRecords.NewOrganization();
        await herald.Client.CreateWebhookAsync(org, receiver.UrlFor("/hooks/" + org));
        await herald.Client.AcceptAuditLogAsync(AuditRecords.Valid(Guid.NewGuid(), org));
        await receiver.WaitForAsync(1, TimeSpan.FromSeconds(20));

        await Wait.Eventually(
            () => Assert.That(herald.Output, Does.Contain("herald fanout").And.Contain("herald attempt")),
            TimeSpan.FromSeconds(20));
    }
}
