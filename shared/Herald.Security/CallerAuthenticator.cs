using Herald.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Herald.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer</c> tokens: the bootstrap admin key from
/// <c>Security:AdminKey</c>, or an organization API key checked against its stored hash. Valid
/// keys are remembered for <c>Security:ApiKeyCacheTtl</c> (30 seconds by default); a revocation
/// is announced to every process (<see cref="ApiKeyRevocations"/>), which forgets the key at once.
/// The time limit bounds how long a process that missed the announcement accepts it.
/// </summary>
public sealed class CallerAuthenticator(IApiKeyStore keys, IConfiguration configuration, IOptions<ApiKeyCacheOptions> options, TimeProvider time) : IDisposable
{
    private readonly TimeSpan remember = options.Value.ApiKeyCacheTtl;
    private long forgotten;
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

        var forgottenBefore = Volatile.Read(ref forgotten);
        var stored = await keys.FindAsync(keyId, cancellationToken);
        if (stored is null || stored.RevokedAt <= time.GetUtcNow() || !ApiKeys.Matches(hash, stored.SecretHash))
        {
            return null;
        }

        // A revocation announced while the key was read may be newer than what was read.
        if (remember > TimeSpan.Zero && Volatile.Read(ref forgotten) == forgottenBefore)
        {
            cache.Set(keyId, stored, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = remember });
        }

        return new Caller(false, stored.OrganizationId, stored.Id);
    }

    /// <summary>Forgets a key this process may have remembered, so its next use is checked against the store.</summary>
    public void Forget(string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        Interlocked.Increment(ref forgotten);
        cache.Remove(keyId);
    }

    /// <inheritdoc />
    public void Dispose() => cache.Dispose();
}
