using System.Net;
using System.Text.Json.Nodes;
using Herald.Host;
using Herald.Storage;
using Herald.UnitTests.Api;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Herald.UnitTests.Host;

public sealed class When_an_orchestrator_probes_herald : HeraldServer
{
    [Test]
    public async Task Should_answer_ready_with_the_store_and_the_bus_healthy()
    {
        using var live = await Http.GetAsync("/healthz", Ct);
        using var ready = await Http.GetAsync("/healthz/ready", Ct);
        var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync(Ct))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(report["status"]!.GetValue<string>(), Is.EqualTo("healthy"));
            Assert.That(report["checks"]!.AsObject().Select(c => (c.Key, c.Value!["status"]!.GetValue<string>())),
                Is.EquivalentTo(new[] { ("store", "healthy"), ("masstransit-bus", "healthy") }));
        }
    }
}

public sealed class When_the_store_fails_its_health_check
{
    [Test]
    public async Task Should_report_unhealthy_with_the_error_named()
    {
        var check = new StoreHealthCheck(new FailingOrganizations());

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.CurrentContext.CancellationToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo(HealthStatus.Unhealthy));
            Assert.That(result.Description, Is.EqualTo("The store failed: IOException."));
        }
    }

    private sealed class FailingOrganizations : IOrganizationStore
    {
        public Task<bool> AddAsync(Organization organization, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<Organization?> GetAsync(string id, CancellationToken cancellationToken) => throw new IOException("disk I/O error");
        public Task<IReadOnlyList<Organization>> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
