using Herald.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;

namespace Herald.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer</c> tokens: the bootstrap admin key from
/// <c>Security:AdminKey</c>, or an organization API key checked against its stored hash. Valid
/// keys are remembered for 30 seconds, so a revoked key stops working within that time.
/// </summary>
public sealed class CallerAuthenticator(IApiKeyStore keys, IConfiguration configuration, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Remember = TimeSpan.FromSeconds(30);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private readonly string? adminHash = string.IsNullOrEmpty(configuration["Security:AdminKey"]) ? null : ApiKeys.Hash(configuration["Security:AdminKey"]!);

    /// <summary>The caller a token stands for, or null when it stands for nobody.</summary>
    public async Task<Caller?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (adminHash is not null && ApiKeys.Matches(ApiKeys.Hash(token), adminHash))
        {
            return new Caller(true, null, "admin");
        }

        if (!ApiKeys.TryParse(token, out var keyId, out var secret))
        {
            return null;
        }

        var hash = ApiKeys.Hash(secret);
        if (cache.TryGetValue(keyId, out ApiKey? known) && known is not null)
        {
            return ApiKeys.Matches(hash, known.SecretHash) ? new Caller(false, known.OrganizationId, known.Id) : null;
        }

        var stored = await keys.FindAsync(keyId, cancellationToken);
        if (stored is null || stored.RevokedAt <= time.GetUtcNow() || !ApiKeys.Matches(hash, stored.SecretHash))
        {
            return null;
        }

        cache.Set(keyId, stored, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Remember });
        return new Caller(false, stored.OrganizationId, stored.Id);
    }

    /// <inheritdoc />
    public void Dispose() => cache.Dispose();
}
