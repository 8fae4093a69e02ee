namespace Herald.Ingest;

/// <summary>The body of <c>POST /v1/audit-logs</c>; every field is checked before anything is published.</summary>
public sealed record AuditLogRequest
{
    /// <summary>Optional upstream id; a repeated id yields the same event.</summary>
    public Guid? AuditLogId { get; init; }
    /// <summary>The organization.</summary>
    public string? OrganizationId { get; init; }
    /// <summary>Who did it.</summary>
    public ActorRequest? Actor { get; init; }
    /// <summary>When, RFC 3339 with an offset; checked by the validator so every field's error is reported at once.</summary>
    public string? Date { get; init; }
    /// <summary>Description.</summary>
    public string? Description { get; init; }
    /// <summary>Upstream category, such as <c>user</c>.</summary>
    public string? EventCategory { get; init; }
    /// <summary>Upstream event name, such as <c>login</c>.</summary>
    public string? EventName { get; init; }
}
