namespace Herald.IntegrationTests.Faults;

/// <summary>
/// A request the endpoint received, as the ledger reads it: the path, the <c>webhook-id</c> header,
/// the body's <c>event_id</c> (null when the body could not be read) and the status it was answered.
/// </summary>
public sealed record LedgerRequest(string Path, string? WebhookId, string? EventId, int StatusCode)
{
    /// <summary>True when the endpoint accepted it (2xx).</summary>
    public bool Accepted => StatusCode is >= 200 and < 300;
}
