namespace Herald.Storage;

/// <summary>An inbox and what it has received so far.</summary>
public sealed record InboxSummary
{
    /// <summary>The inbox.</summary>
    public required Inbox Inbox { get; init; }
    /// <summary>How many requests it has recorded.</summary>
    public required long RequestCount { get; init; }
    /// <summary>When its newest request arrived; null before the first.</summary>
    public DateTimeOffset? LastRequestAt { get; init; }
}
