namespace Herald.Storage;

/// <summary>How much delivery work the store holds that is not finished.</summary>
public sealed record DeliveryBacklog
{
    /// <summary>Pending and retrying deliveries: waiting for an attempt, being attempted, or between retries.</summary>
    public required long Open { get; init; }

    /// <summary>Open deliveries whose next attempt time has come and that no worker has claimed yet.</summary>
    public required long Due { get; init; }

    /// <summary>The next attempt time of the longest-waiting due delivery; null when none is due.</summary>
    public DateTimeOffset? OldestDueAt { get; init; }
}
