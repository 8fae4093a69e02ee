using Herald.Delivery;
using Herald.Storage;
using Herald.Testing;
using Herald.UnitTests.Delivery;

namespace Herald.UnitTests.Api;

public sealed class When_an_audit_record_flows_through_every_role : HeraldServer
{
    [Test]
    public async Task Should_deliver_exactly_the_documented_request_once_and_show_the_attempt()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var org = NewOrganization();
        var created = await CreateWebhookAsync(org, receiver.UrlFor("/hook"));
        var (webhookId, secret) = (created["id"]!.GetValue<string>(), created["secret"]!.GetValue<string>());
        var auditLogId = Guid.NewGuid();
        var eventId = $"evt_{auditLogId}";

        Assert.That((await SendAsync(HttpMethod.Post, "/v1/audit-logs", null, AuditRecord(org, auditLogId))).Status, Is.EqualTo(202));
        await receiver.WaitForAsync(1, TimeSpan.FromSeconds(15));
        var detail = await WaitForOutcomeAsync(org, webhookId, eventId);

        var request = receiver.Requests.Single();
        var occurredAt = detail["payload"]!["occurred_at"]!.GetValue<string>();
        var expectedBody =
            "{\"data\":{\"actor\":{\"ip\":\"203.0.113.7\",\"user_agent\":\"Mozilla/5.0 <b>&\",\"username\":\"koray+1\"}," +
            "\"date\":\"2025-11-12T12:12:48.626967855Z\",\"description\":\"User is logged in\",\"event_category\":\"user\",\"event_name\":\"login\"}," +
            $"\"event_category\":\"audit_log_creation\",\"event_id\":\"{eventId}\",\"occurred_at\":\"{occurredAt}\",\"organization_id\":\"{org}\"}}";
        var attempt = detail["attempts"]!.AsArray().Single()!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.BodyText, Is.EqualTo(expectedBody));
            Assert.That(occurredAt, Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"));
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.Header("Content-Type"), Is.EqualTo(new[] { "application/json" }));
            Assert.That(request.Header("User-Agent"), Is.EqualTo(new[] { WebhookRequestHeaders.UserAgent }));
            Assert.That(request.Header("X-Herald-Org-Id"), Is.EqualTo(new[] { org }));
            Assert.That(request.Header("Test"), Is.EqualTo(new[] { "Webhook" }));
            Assert.That(request.Header("webhook-id"), Is.EqualTo(new[] { Ids.Delivery(eventId, webhookId) }));
            Assert.That(request.Header("traceparent"), Is.Empty);
            Assert.That(StandardWebhooksVerifier.Verify(secret, request.Header("webhook-id").Single(), request.Header("webhook-timestamp").Single(),
                request.Header("webhook-signature").Single(), request.Body), Is.True);
            Assert.That(detail["outcome"]!.GetValue<string>(), Is.EqualTo("succeeded"));
            Assert.That(attempt["succeeded"]!.GetValue<bool>(), Is.True);
            Assert.That(attempt["request"]!["url"]!.GetValue<string>(), Is.EqualTo(receiver.UrlFor("/hook")));
            Assert.That(attempt["response"]!["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(attempt["response"]!["body"]!.GetValue<string>(), Is.EqualTo("ok"));
            Assert.That(receiver.Requests, Has.Count.EqualTo(1));
        }
    }

    private async Task<System.Text.Json.Nodes.JsonNode> WaitForOutcomeAsync(string org, string webhookId, string eventId)
    {
        System.Text.Json.Nodes.JsonNode? detail = null;
        await Wait.Eventually(async () =>
        {
            var (status, body) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhookId}/events/{eventId}", org);
            Settle.Require(status == 200 && body!["outcome"]!.GetValue<string>() != "pending", "the delivery has an outcome");
            detail = body;
        }, TimeSpan.FromSeconds(15));
        return detail!;
    }
}
