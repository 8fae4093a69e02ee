using System.Text;
using Herald.Contracts;
using Herald.Fanout;

namespace Herald.UnitTests.Fanout;

public sealed class When_serializing_a_webhook_payload
{
    private static readonly AuditLogRecorded Record = new()
    {
        AuditLogId = Guid.Parse("96e428f2-b3f8-4247-8e3b-e2a3f563bd05"),
        OrganizationId = "646f1a2b3c4d5e6f7a8b9c0d",
        Actor = new AuditActor("203.0.113.7", "Mozilla/5.0 <script>&</script> Größe", "koray+test@example.com"),
        Date = "2025-11-12T15:12:48.626967855+03:00",
        Description = "User said \"hi\" & logged in",
        EventCategory = "user",
        EventName = "login",
    };

    [Test]
    public void Should_write_exactly_the_reference_body_in_the_reference_key_order()
    {
        var occurredAt = new DateTimeOffset(2025, 11, 12, 12, 12, 48, 627, TimeSpan.Zero);

        var body = WebhookPayload.Serialize("evt_96e428f2-b3f8-4247-8e3b-e2a3f563bd05", "audit_log_creation", occurredAt, Record);

        const string expected =
            "{\"data\":{\"actor\":{\"ip\":\"203.0.113.7\",\"user_agent\":\"Mozilla/5.0 <script>&</script> Größe\",\"username\":\"koray+test@example.com\"}," +
            "\"date\":\"2025-11-12T12:12:48.626967855Z\",\"description\":\"User said \\\"hi\\\" & logged in\",\"event_category\":\"user\",\"event_name\":\"login\"}," +
            "\"event_category\":\"audit_log_creation\",\"event_id\":\"evt_96e428f2-b3f8-4247-8e3b-e2a3f563bd05\"," +
            "\"occurred_at\":\"2025-11-12T12:12:48.627Z\",\"organization_id\":\"646f1a2b3c4d5e6f7a8b9c0d\"}";
        Assert.That(Encoding.UTF8.GetString(body), Is.EqualTo(expected));
    }

    [Test]
    public void Should_keep_plus_angle_brackets_ampersand_and_non_ascii_readable()
    {
        var text = Encoding.UTF8.GetString(WebhookPayload.Serialize("evt_x", "audit_log_creation", DateTimeOffset.UnixEpoch, Record));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("koray+test@example.com"));
            Assert.That(text, Does.Contain("<script>&</script>"));
            Assert.That(text, Does.Contain("Größe"));
            Assert.That(text, Does.Not.Contain("\\u"));
        }
    }

    [Test]
    public void Should_refuse_a_record_whose_date_is_not_rfc3339()
    {
        var bad = Record with { Date = "12/11/2025 12:12:48" };

        Assert.That(() => WebhookPayload.Serialize("evt_x", "audit_log_creation", DateTimeOffset.UnixEpoch, bad),
            Throws.TypeOf<FormatException>().With.Message.Contains("12/11/2025 12:12:48"));
    }

    [TestCase("2025-11-12T12:12:48.6279999Z", "2025-11-12T12:12:48.627Z")]
    [TestCase("2025-11-12T12:12:48Z", "2025-11-12T12:12:48.000Z")]
    [TestCase("2025-11-12T14:12:48.5+02:00", "2025-11-12T12:12:48.500Z")]
    public void Should_format_occurred_at_in_utc_to_the_millisecond(string value, string expected)
    {
        var instant = DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(WebhookPayload.FormatOccurredAt(instant), Is.EqualTo(expected));
    }

    [Test]
    public void Should_truncate_to_the_millisecond_in_utc()
    {
        var instant = new DateTimeOffset(2025, 11, 12, 15, 12, 48, TimeSpan.FromHours(3)).AddTicks(6_279_999);

        var truncated = WebhookPayload.TruncateToMilliseconds(instant);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(truncated, Is.EqualTo(new DateTimeOffset(2025, 11, 12, 12, 12, 48, 627, TimeSpan.Zero)));
            Assert.That(truncated.Offset, Is.EqualTo(TimeSpan.Zero));
        }
    }
}
