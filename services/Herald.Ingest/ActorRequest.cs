namespace Herald.Ingest;

/// <summary>The actor of an audit record.</summary>
public sealed record ActorRequest
{
    /// <summary>IP address.</summary>
    public string? Ip { get; init; }
    /// <summary>User agent.</summary>
    public string? UserAgent { get; init; }
    /// <summary>User name.</summary>
    public string? Username { get; init; }
}
