using Herald.Api.Webhooks;
using Herald.Storage;

namespace Herald.UnitTests.Api;

public sealed class When_validating_a_webhook_request
{
    private static WebhookRequest Valid() => new() { Name = "Orders", Url = "https://example.com/hook" };

    private static Dictionary<string, string[]> Errors(WebhookRequest request) => WebhookRequestValidator.Validate(request).Errors;

    [Test]
    public void Should_default_to_secure_enabled_and_audit_log_creation()
    {
        var (webhook, errors) = WebhookRequestValidator.Validate(Valid() with { Name = "  Orders  ", Url = " https://example.com/hook " });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.Empty);
            Assert.That(webhook, Is.Not.Null);
            Assert.That(webhook!.Name, Is.EqualTo("Orders"));
            Assert.That(webhook.Url, Is.EqualTo("https://example.com/hook"));
            Assert.That(webhook.Secure, Is.True);
            Assert.That(webhook.Enabled, Is.True);
            Assert.That(webhook.EventCategories, Is.EqualTo(new[] { EventCategories.AuditLogCreation }));
            Assert.That(webhook.Headers, Is.Empty);
        }
    }

    [Test]
    public void Should_keep_headers_in_order_and_the_flags_given()
    {
        var request = Valid() with
        {
            Url = "http://127.0.0.1:8080/in", Secure = false, Enabled = false,
            Headers = [new("Test", "Webhook"), new("Authorization", "Bearer a\tb")],
            EventCategories = [EventCategories.AuditLogCreation, EventCategories.AuditLogCreation],
        };

        var (webhook, _) = WebhookRequestValidator.Validate(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(webhook!.Headers, Is.EqualTo(new[] { new WebhookHeader("Test", "Webhook"), new WebhookHeader("Authorization", "Bearer a\tb") }));
            Assert.That(webhook.Secure, Is.False);
            Assert.That(webhook.Enabled, Is.False);
            Assert.That(webhook.EventCategories, Is.EqualTo(new[] { EventCategories.AuditLogCreation }));
        }
    }

    [TestCase(null)]
    [TestCase("   ")]
    [TestCase("bad\nname")]
    public void Should_reject_a_bad_name(string? name)
    {
        Assert.That(Errors(Valid() with { Name = name }).Keys, Is.EqualTo(new[] { "name" }));
    }

    [Test]
    public void Should_reject_a_name_over_100_characters()
    {
        Assert.That(Errors(Valid() with { Name = new string('n', 101) }).Keys, Is.EqualTo(new[] { "name" }));
    }

    [TestCase(null, true)]
    [TestCase("example.com/hook", true)]
    [TestCase("/relative", true)]
    [TestCase("ftp://example.com/hook", true)]
    [TestCase("https://user:secret@example.com/hook", true)]
    [TestCase("https://example.com/hook#part", true)]
    [TestCase("http://example.com/hook", true)]
    [TestCase("http://user@example.com/hook", false)]
    public void Should_reject_a_bad_url(string? url, bool secure)
    {
        Assert.That(Errors(Valid() with { Url = url, Secure = secure }).Keys, Is.EqualTo(new[] { "url" }));
    }

    [Test]
    public void Should_reject_a_url_over_2048_characters_and_accept_one_at_the_limit()
    {
        const string Prefix = "https://example.com/";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Errors(Valid() with { Url = Prefix + new string('a', 2049 - Prefix.Length) }).Keys, Is.EqualTo(new[] { "url" }));
            Assert.That(Errors(Valid() with { Url = Prefix + new string('a', 2048 - Prefix.Length) }), Is.Empty);
        }
    }

    [Test]
    public void Should_ask_for_https_in_secure_mode_and_allow_http_without_it()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Errors(Valid() with { Url = "http://example.com/hook" })["url"], Has.One.Contains("https://"));
            Assert.That(Errors(Valid() with { Url = "http://example.com/hook", Secure = false }), Is.Empty);
        }
    }

    [TestCase("Bad Header")]
    [TestCase("Bad:Header")]
    [TestCase("Bäd")]
    [TestCase("")]
    [TestCase("Content-Type")]
    [TestCase("Content-Length")]
    [TestCase("Transfer-Encoding")]
    [TestCase("Connection")]
    [TestCase("host")]
    [TestCase("User-Agent")]
    [TestCase("webhook-id")]
    [TestCase("Webhook-Anything")]
    [TestCase("X-Herald-Org-Id")]
    [TestCase("x-herald-custom")]
    public void Should_reject_a_bad_or_reserved_header_name(string key)
    {
        var errors = Errors(Valid() with { Headers = [new("X-Ok", "1"), new(key, "v")] });

        Assert.That(errors.Keys, Is.EqualTo(new[] { "headers[1].key" }));
    }

    [TestCase("a\r\nInjected: yes")]
    [TestCase("a\nb")]
    [TestCase("a\u0000b")]
    public void Should_reject_a_header_value_with_line_breaks_or_control_characters(string value)
    {
        Assert.That(Errors(Valid() with { Headers = [new("X-Ok", value)] }).Keys, Is.EqualTo(new[] { "headers[0].value" }));
    }

    [Test]
    public void Should_reject_a_header_given_twice_whatever_its_case()
    {
        var errors = Errors(Valid() with { Headers = [new("X-Token", "1"), new("x-token", "2")] });

        Assert.That(errors.Keys, Is.EqualTo(new[] { "headers[1].key" }));
    }

    [Test]
    public void Should_reject_more_than_20_headers()
    {
        var headers = Enumerable.Range(0, 21).Select(i => new HeaderDto($"X-H{i}", "v")).ToList();

        Assert.That(Errors(Valid() with { Headers = headers }).Keys, Is.EqualTo(new[] { "headers" }));
    }

    [Test]
    public void Should_reject_an_unknown_or_empty_category_list()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Errors(Valid() with { EventCategories = ["user_created"] })["event_categories"], Has.One.Contains("user_created"));
            Assert.That(Errors(Valid() with { EventCategories = [] }).Keys, Is.EqualTo(new[] { "event_categories" }));
        }
    }

    [Test]
    public void Should_report_every_bad_field_at_once()
    {
        var request = new WebhookRequest
        {
            Name = "", Url = "ftp://x", Headers = [new("webhook-id", "a\nb")], EventCategories = [],
        };

        Assert.That(Errors(request).Keys, Is.EquivalentTo(new[] { "name", "url", "headers[0].key", "headers[0].value", "event_categories" }));
    }
}
