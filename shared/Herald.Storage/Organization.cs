namespace Herald.Storage;

/// <summary>A tenant. Its id is the upstream's organization id (the <c>organization_id</c> of audit records).</summary>
public sealed record Organization
{
    /// <summary>The upstream's organization id.</summary>
    public required string Id { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
