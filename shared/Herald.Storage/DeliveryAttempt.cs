namespace Herald.Storage;

/// <summary>One HTTP request made for a delivery, with what came back.</summary>
public sealed record DeliveryAttempt
{
    /// <summary><c>att_&lt;uuid&gt;</c>.</summary>
    public required string Id { get; init; }
    /// <summary>The delivery attempted.</summary>
    public required string DeliveryId { get; init; }
    /// <summary>The delivery's event.</summary>
    public required string EventId { get; init; }
    /// <summary>The delivery's webhook.</summary>
    public required string WebhookId { get; init; }
    /// <summary>1-based attempt number.</summary>
    public required int Number { get; init; }
    /// <summary>The request as sent; its body is the event's payload.</summary>
    public required AttemptRequest Request { get; init; }
    /// <summary>The answer, if one came.</summary>
    public AttemptResponse? Response { get; init; }
    /// <summary>Whether the attempt counts as delivered.</summary>
    public required bool Succeeded { get; init; }
    /// <summary>Kind of failure when no usable answer came.</summary>
    public AttemptErrorKind? ErrorKind { get; init; }
    /// <summary>Readable failure, such as "timed out after 15 s".</summary>
    public string? Error { get; init; }
    /// <summary>When the request started.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>When the answer was read (or the failure happened).</summary>
    public required DateTimeOffset CompletedAt { get; init; }
    /// <summary>Wall time of the request.</summary>
    public required TimeSpan Duration { get; init; }
    /// <summary>The W3C trace id of the attempt's span.</summary>
    public string? TraceId { get; init; }
}
