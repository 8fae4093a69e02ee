namespace Herald.Storage;

/// <summary>One event on its way to one webhook; its id is the <c>webhook-id</c> header.</summary>
public sealed record Delivery
{
    /// <summary><c>msg_&lt;uuid&gt;</c>, derived from (event, webhook) so fan-out is idempotent.</summary>
    public required string Id { get; init; }
    /// <summary>The event delivered.</summary>
    public required string EventId { get; init; }
    /// <summary>The webhook it goes to.</summary>
    public required string WebhookId { get; init; }
    /// <summary>The owning organization.</summary>
    public required string OrganizationId { get; init; }
    /// <summary>The event's category, kept here so a webhook's event list needs no join.</summary>
    public required string EventCategory { get; init; }
    /// <summary>The event's time, kept here so a webhook's event list needs no join.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>Where it stands.</summary>
    public required DeliveryState State { get; init; }
    /// <summary>Attempts made so far.</summary>
    public required int AttemptCount { get; init; }
    /// <summary>
    /// When the retry scheduler should next dispatch it (pending and retrying only). For a
    /// pending delivery this is a safety net in case its first message was lost.
    /// </summary>
    public DateTimeOffset? NextAttemptAt { get; init; }
    /// <summary>Status code of the latest attempt that got an answer.</summary>
    public int? LastStatusCode { get; init; }
    /// <summary>Readable error of the latest failed attempt.</summary>
    public string? LastError { get; init; }
    /// <summary>W3C <c>traceparent</c> of the fan-out that created it, to continue its trace.</summary>
    public string? TraceParent { get; init; }
    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When it was last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
