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

public sealed class When_a_container_runs_herald_probe : HeraldServer
{
    [Test]
    public async Task Should_exit_0_with_the_report_while_herald_is_ready()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await HeraldProgram.RunAsync(["probe", Http.BaseAddress!.ToString()], output, error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero, error.ToString());
            Assert.That(output.ToString(), Does.StartWith("200 {\"status\":\"healthy\""));
        }
    }

    [Test]
    public async Task Should_exit_1_when_nothing_answers_and_2_for_a_url_it_cannot_use()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var nothing = await HeraldProgram.RunAsync(["probe", $"http://127.0.0.1:{closedPort}"], output, error);
        var unusable = await HeraldProgram.RunAsync(["probe", "ftp://127.0.0.1/"], output, error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(nothing, Is.EqualTo(1));
            Assert.That(unusable, Is.EqualTo(2));
            Assert.That(error.ToString(), Does.Contain("did not answer").And.Contain("is not an http(s) URL"));
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
