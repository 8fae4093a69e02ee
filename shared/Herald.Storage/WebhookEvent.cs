namespace Herald.Storage;

/// <summary>
/// One event to be delivered to every subscribed webhook of an organization. The payload is
/// the exact request body, serialized once per event and stored once.
/// </summary>
public sealed record WebhookEvent
{
    /// <summary><c>evt_&lt;uuid&gt;</c>, derived from the source record so redelivery is idempotent.</summary>
    public required string Id { get; init; }
    /// <summary>The owning organization.</summary>
    public required string OrganizationId { get; init; }
    /// <summary>Herald's event category, such as <c>audit_log_creation</c>.</summary>
    public required string Category { get; init; }
    /// <summary>The <c>occurred_at</c> of the payload.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>The UTF-8 JSON request body.</summary>
    public required ReadOnlyMemory<byte> Payload { get; init; }
    /// <summary>When fan-out stored it.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
