namespace Herald.Storage;

/// <summary>One request received by Herald's test inbox (<c>/inbox/{organization}/{id}</c>).</summary>
public sealed record InboxRequest
{
    /// <summary><c>req_&lt;uuid&gt;</c>.</summary>
    public required string Id { get; init; }
    /// <summary>The inbox it arrived at; recorded whether or not an <see cref="Inbox"/> with this id was created.</summary>
    public required string InboxId { get; init; }
    /// <summary>HTTP method.</summary>
    public required string Method { get; init; }
    /// <summary>Path and query as received.</summary>
    public required string Path { get; init; }
    /// <summary>Query string without the leading '?', empty when none.</summary>
    public required string Query { get; init; }
    /// <summary>Every header received, in order.</summary>
    public required IReadOnlyList<WebhookHeader> Headers { get; init; }
    /// <summary>The body as text (capped).</summary>
    public required string Body { get; init; }
    /// <summary>Body size in bytes as received.</summary>
    public required long Size { get; init; }
    /// <summary>Remote address.</summary>
    public string? RemoteAddress { get; init; }
    /// <summary>When it arrived.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
}
