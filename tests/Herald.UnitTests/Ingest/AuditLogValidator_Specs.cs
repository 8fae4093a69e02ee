using Herald.Ingest;
using Herald.ServiceDefaults;

namespace Herald.UnitTests.Ingest;

public sealed class When_validating_an_audit_record
{
    private static readonly Guid AuditLogId = Guid.Parse("0b7c3f0e-2d2a-4a51-9d4c-1f2e3d4c5b6a");

    private static AuditLogRequest Valid() => new()
    {
        AuditLogId = AuditLogId,
        OrganizationId = "org_1",
        Actor = new ActorRequest { Ip = "2001:db8::1", UserAgent = "curl/8.0", Username = "koray" },
        Date = "2025-11-12T12:12:48.626967855Z",
        Description = "User is logged in",
        EventCategory = "user",
        EventName = "login",
    };

    [Test]
    public void Should_map_a_valid_record_to_the_contract()
    {
        var (record, errors) = AuditLogValidator.Validate(Valid(), 4096);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.Empty);
            Assert.That(record!.AuditLogId, Is.EqualTo(AuditLogId));
            Assert.That(record.OrganizationId, Is.EqualTo("org_1"));
            Assert.That(record.Actor, Is.EqualTo(new Herald.Contracts.AuditActor("2001:db8::1", "curl/8.0", "koray")));
            Assert.That(record.Date, Is.EqualTo("2025-11-12T12:12:48.626967855Z"), "the date goes on as the upstream wrote it");
            Assert.That(record.Description, Is.EqualTo("User is logged in"));
            Assert.That(record.EventCategory, Is.EqualTo("user"));
            Assert.That(record.EventName, Is.EqualTo("login"));
        }
    }

    [Test]
    public void Should_assign_an_audit_log_id_when_none_is_given()
    {
        var (record, _) = AuditLogValidator.Validate(Valid() with { AuditLogId = null }, 4096);

        Assert.That(record!.AuditLogId, Is.Not.Null.And.Not.EqualTo(Guid.Empty));
    }

    [Test]
    public void Should_report_every_missing_field_at_once_under_its_json_path()
    {
        var (record, errors) = AuditLogValidator.Validate(new AuditLogRequest(), 4096);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(record, Is.Null);
            Assert.That(errors.Keys, Is.EquivalentTo(new[] { "organization_id", "actor", "date", "description", "event_category", "event_name" }));
        }
    }

    [Test]
    public void Should_report_every_missing_actor_field_under_its_path()
    {
        var (_, errors) = AuditLogValidator.Validate(Valid() with { Actor = new ActorRequest() }, 4096);

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "actor.ip", "actor.user_agent", "actor.username" }));
    }

    [Test]
    public void Should_report_every_invalid_field_at_once()
    {
        var request = Valid() with
        {
            OrganizationId = "  ",
            Actor = new ActorRequest { Ip = "not-an-ip", UserAgent = "ok", Username = "bad\u0001name" },
            Date = "2025-11-12T12:12:48",
            Description = new string('d', 17),
            EventName = new string('n', 129),
        };

        var (record, errors) = AuditLogValidator.Validate(request, 16);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(record, Is.Null);
            Assert.That(errors.Keys, Is.EquivalentTo(new[] { "organization_id", "actor.ip", "actor.username", "date", "description", "event_name" }));
            Assert.That(errors["actor.ip"], Has.One.Contains("IPv4 or IPv6"));
            Assert.That(errors["date"], Has.One.Contains("offset"));
            Assert.That(errors["description"], Has.One.Contains("16"));
        }
    }

    [Test]
    public void Should_allow_an_empty_description_and_user_agent()
    {
        var request = Valid() with { Description = "", Actor = new ActorRequest { Ip = "203.0.113.7", UserAgent = "", Username = "u" } };

        Assert.That(AuditLogValidator.Validate(request, 4096).Errors, Is.Empty);
    }

    [Test]
    public void Should_ask_for_a_json_object_when_the_body_is_null()
    {
        Assert.That(AuditLogValidator.Validate(null, 4096).Errors.Keys, Is.EqualTo(new[] { "body" }));
    }
}

public sealed class When_parsing_rfc3339_dates
{
    [TestCase("2025-11-12T12:12:48Z", 0L)]
    [TestCase("2025-11-12T12:12:48.5Z", 5_000_000L)]
    [TestCase("2025-11-12T12:12:48.626967855Z", 6_269_678L)]
    [TestCase("2025-11-12t12:12:48.626967855z", 6_269_678L)]
    [TestCase("2025-11-12T15:12:48.1234567+03:00", 1_234_567L)]
    [TestCase("2025-11-12T09:42:48-02:30", 0L)]
    public void Should_read_the_instant_in_utc_cutting_fractions_beyond_100_ns(string value, long ticksPastSecond)
    {
        var parsed = Rfc3339.Parse(value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.EqualTo(new DateTimeOffset(2025, 11, 12, 12, 12, 48, TimeSpan.Zero).AddTicks(ticksPastSecond)));
            Assert.That(parsed!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
        }
    }

    [TestCase("2025-11-12T12:12:48.626967855Z", "2025-11-12T12:12:48.626967855Z")]
    [TestCase("2025-11-12t12:12:48.626967855z", "2025-11-12T12:12:48.626967855Z")]
    [TestCase("2025-11-12T15:12:48.100+03:00", "2025-11-12T12:12:48.100Z")]
    [TestCase("2025-11-13T00:42:48.000000001+12:30", "2025-11-12T12:12:48.000000001Z")]
    [TestCase("2025-11-12T09:42:48-02:30", "2025-11-12T12:12:48Z")]
    [TestCase("2025-11-12 12:12:48.5Z", "2025-11-12T12:12:48.5Z")]
    public void Should_write_it_in_utc_keeping_every_fraction_digit(string value, string expected)
    {
        Assert.That(Rfc3339.ToUtcText(value), Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("2025-11-12T12:12:48")]
    [TestCase("2025-11-12T12:12:48.123")]
    [TestCase("2025-11-12")]
    [TestCase("2025-11-12T12:12Z")]
    [TestCase("2025-13-12T12:12:48Z")]
    [TestCase("2025-11-12T12:12:48.1234567890Z")]
    [TestCase("12/11/2025 12:12:48 +00:00")]
    public void Should_reject_what_is_not_rfc3339_with_an_offset(string? value)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Rfc3339.Parse(value), Is.Null);
            Assert.That(Rfc3339.ToUtcText(value), Is.Null);
        }
    }
}
