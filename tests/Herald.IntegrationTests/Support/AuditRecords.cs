using System.Text.Json.Nodes;

namespace Herald.IntegrationTests.Support;

/// <summary>Audit records as upstreams send them: the snake_case document of the contract.</summary>
public static class AuditRecords
{
    /// <summary>The date every sample carries, already in the form the webhook body repeats.</summary>
    public const string Date = "2025-11-12T12:12:48.626967855Z";

    /// <summary>A new organization id, so tests on one store never see each other's webhooks.</summary>
    public static string NewOrganization() => "org_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A complete, valid record.</summary>
    public static JsonObject Valid(Guid auditLogId, string organization) => new()
    {
        ["audit_log_id"] = auditLogId.ToString(),
        ["organization_id"] = organization,
        ["actor"] = new JsonObject
        {
            ["ip"] = "203.0.113.7",
            ["user_agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0",
            ["username"] = "koray",
        },
        ["date"] = Date,
        ["description"] = "User is logged in",
        ["event_category"] = "user",
        ["event_name"] = "login",
    };
}
