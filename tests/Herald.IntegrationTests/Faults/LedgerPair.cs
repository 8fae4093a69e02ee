namespace Herald.IntegrationTests.Faults;

/// <summary>One (event, webhook) pair; the webhook is named by its receiver path, such as <c>/hooks/a</c>.</summary>
public sealed record LedgerPair(string EventId, string Path)
{
    /// <inheritdoc />
    public override string ToString() => $"{EventId} -> {Path}";
}
