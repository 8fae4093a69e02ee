using Herald.Storage;

namespace Herald.Delivery;

/// <summary>What one HTTP attempt did: the request sent, the answer, and how long it took.</summary>
public sealed record SendResult
{
    /// <summary>The request as sent.</summary>
    public required AttemptRequest Request { get; init; }
    /// <summary>The answer, if one came.</summary>
    public AttemptResponse? Response { get; init; }
    /// <summary>True for a 2xx answer.</summary>
    public required bool Succeeded { get; init; }
    /// <summary>Why it failed, when it did.</summary>
    public AttemptErrorKind? ErrorKind { get; init; }
    /// <summary>Readable failure.</summary>
    public string? Error { get; init; }
    /// <summary>When the request started.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>When it ended.</summary>
    public required DateTimeOffset CompletedAt { get; init; }
    /// <summary>Wall time.</summary>
    public required TimeSpan Duration { get; init; }
}
