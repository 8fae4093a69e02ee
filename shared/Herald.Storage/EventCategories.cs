namespace Herald.Storage;

/// <summary>The event categories a webhook can subscribe to.</summary>
public static class EventCategories
{
    /// <summary>An audit-log record was created (the reference page's "Audit Log Creation").</summary>
    public const string AuditLogCreation = "audit_log_creation";

    /// <summary>Herald disabled one of the organization's webhooks (an operational event).</summary>
    public const string WebhookDisabled = "webhook_disabled";

    /// <summary>Every category, with its display name.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AuditLogCreation] = "Audit Log Creation",
        [WebhookDisabled] = "Webhook Disabled",
    };
}
