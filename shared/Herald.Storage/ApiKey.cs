namespace Herald.Storage;

/// <summary>An organization-scoped API key. Only a hash of its secret part is stored.</summary>
public sealed record ApiKey
{
    /// <summary>The public part of the key, <c>key_&lt;hex&gt;</c>, used to find it.</summary>
    public required string Id { get; init; }
    /// <summary>The organization it acts for.</summary>
    public required string OrganizationId { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    /// <summary>Hex SHA-256 of the secret part.</summary>
    public required string SecretHash { get; init; }
    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When it was revoked; a revoked key authenticates nothing.</summary>
    public DateTimeOffset? RevokedAt { get; init; }
}
