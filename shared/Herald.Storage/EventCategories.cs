namespace Herald.Storage;

/// <summary>The event categories a webhook can subscribe to.</summary>
public static class EventCategories
{
    /// <summary>An audit-log record was created (the reference page's "Audit Log Creation").</summary>
    public const string AuditLogCreation = "audit_log_creation";

    /// <summary>Every category, with its display name.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AuditLogCreation] = "Audit Log Creation",
    };
}
