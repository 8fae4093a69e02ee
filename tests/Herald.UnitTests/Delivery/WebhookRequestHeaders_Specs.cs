using System.Text;
using Herald.Delivery;
using Herald.Storage;

namespace Herald.UnitTests.Delivery;

public sealed class When_building_webhook_request_headers
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"event_id\":\"evt_1\"}");

    private static Webhook Webhook(params WebhookHeader[] headers) => new()
    {
        Id = "wh_1", OrganizationId = "org_1", Name = "n", Url = "https://example.com/hook", Headers = headers,
        EventCategories = [EventCategories.AuditLogCreation], Secure = true, Enabled = true, Secret = Secret,
        CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Test]
    public void Should_send_content_type_custom_headers_user_agent_org_then_standard_webhooks_headers_in_order()
    {
        var headers = WebhookRequestHeaders.Build(Webhook(new("Test", "Webhook"), new("X-Custom", "1")), "msg_1", 1_700_000_000, Body);

        Assert.That(headers.Select(h => (h.Key, h.Value)), Is.EqualTo(new[]
        {
            ("Content-Type", "application/json"),
            ("Test", "Webhook"),
            ("X-Custom", "1"),
            ("User-Agent", "Herald-Webhook/1.0"),
            ("X-Herald-Org-Id", "org_1"),
            ("webhook-id", "msg_1"),
            ("webhook-timestamp", "1700000000"),
            ("webhook-signature", WebhookSignature.Sign(Secret, "msg_1", 1_700_000_000, Body)),
        }));
    }

    [Test]
    public void Should_drop_custom_headers_with_reserved_names()
    {
        var webhook = Webhook(
            new("content-type", "text/plain"), new("User-Agent", "spoof"), new("x-herald-org-id", "org_other"),
            new("Webhook-Id", "x"), new("webhook-signature", "v1,forged"), new("Host", "evil"), new("Kept", "yes"));

        var headers = WebhookRequestHeaders.Build(webhook, "msg_1", 1, Body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(headers.Select(h => h.Key), Is.EqualTo(new[]
            {
                "Content-Type", "Kept", "User-Agent", "X-Herald-Org-Id", "webhook-id", "webhook-timestamp", "webhook-signature",
            }));
            Assert.That(headers.Single(h => h.Key == "X-Herald-Org-Id").Value, Is.EqualTo("org_1"));
            Assert.That(headers.Single(h => h.Key == "User-Agent").Value, Is.EqualTo("Herald-Webhook/1.0"));
        }
    }

    [Test]
    public void Should_produce_a_signature_an_independent_verifier_accepts()
    {
        var headers = WebhookRequestHeaders.Build(Webhook(), "msg_42", 1_731_413_568, Body);
        string Value(string name) => headers.Single(h => h.Key == name).Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(StandardWebhooksVerifier.Verify(Secret, Value("webhook-id"), Value("webhook-timestamp"), Value("webhook-signature"), Body), Is.True);
            Assert.That(StandardWebhooksVerifier.Verify(Secret, Value("webhook-id"), Value("webhook-timestamp"), Value("webhook-signature"), [.. Body, 32]), Is.False);
        }
    }
}
