namespace Herald.Storage;

/// <summary>API keys, stored as hashes.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key.</summary>
    Task AddAsync(ApiKey key, CancellationToken cancellationToken);

    /// <summary>The key with this id whatever its organization, or null (for authentication).</summary>
    Task<ApiKey?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The organization's keys, oldest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(string organizationId, CancellationToken cancellationToken);

    /// <summary>Revokes the organization's key; false when there is none or it was already revoked.</summary>
    Task<bool> RevokeAsync(string organizationId, string id, DateTimeOffset at, CancellationToken cancellationToken);
}
