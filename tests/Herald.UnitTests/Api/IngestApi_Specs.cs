using System.Net.Http.Headers;
using System.Text;
using Herald.Storage;
using Herald.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.UnitTests.Api;

public sealed class When_ingesting_audit_records_over_http : HeraldServer
{
    private IEventStore Events => Services.GetRequiredService<IEventStore>();

    [Test]
    public async Task Should_accept_a_record_and_name_its_event()
    {
        var auditLogId = Guid.NewGuid();

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/audit-logs", null, AuditRecord(NewOrganization(), auditLogId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(202));
            Assert.That(body!["audit_log_id"]!.GetValue<Guid>(), Is.EqualTo(auditLogId));
            Assert.That(body["event_id"]!.GetValue<string>(), Is.EqualTo($"evt_{auditLogId}"));
        }

        await Wait.Eventually(async () => Settle.Require(await Events.GetAsync($"evt_{auditLogId}", Ct) is not null, "the event is stored"), TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task Should_list_every_bad_field_at_once_and_publish_nothing()
    {
        var bad = Guid.NewGuid();
        var sentinel = Guid.NewGuid();
        var record = new
        {
            audit_log_id = bad,
            organization_id = "",
            actor = new { ip = "999.1.1.1", user_agent = "ua" },
            date = "2025-11-12T12:12:48",
            description = "d",
            event_category = "user",
        };

        var (status, problem) = await SendAsync(HttpMethod.Post, "/v1/audit-logs", null, record);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(400));
            Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key),
                Is.EquivalentTo(new[] { "organization_id", "actor.ip", "actor.username", "date", "event_name" }));
        }

        // A good record sent after the bad one is fanned out; by then the bad one would have been too.
        Assert.That((await SendAsync(HttpMethod.Post, "/v1/audit-logs", null, AuditRecord(NewOrganization(), sentinel))).Status, Is.EqualTo(202));
        await Wait.Eventually(async () => Settle.Require(await Events.GetAsync($"evt_{sentinel}", Ct) is not null, "the sentinel is stored"), TimeSpan.FromSeconds(10));
        Assert.That(await Events.GetAsync($"evt_{bad}", Ct), Is.Null);
    }

    [Test]
    public async Task Should_answer_413_to_a_record_over_the_size_limit()
    {
        using var content = new StringContent("{\"description\":\"" + new string('x', 3000) + "\"}", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await Http.PostAsync("/v1/audit-logs", content, Ct);

        Assert.That((int)response.StatusCode, Is.EqualTo(413));
    }

    [Test]
    public async Task Should_name_the_body_when_it_is_not_json()
    {
        using var content = new StringContent("not json", Encoding.UTF8, "application/json");

        using var response = await Http.PostAsync("/v1/audit-logs", content, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(400));
            Assert.That(await response.Content.ReadAsStringAsync(Ct), Does.Contain("\"body\""));
        }
    }
}
