using System.Security.Cryptography;
using System.Text;
using Herald.Storage;

namespace Herald.Security;

/// <summary>
/// API key format: <c>hk_&lt;16 hex id&gt;_&lt;43 base64url secret&gt;</c>. The id finds the
/// stored key; only the SHA-256 of the secret is stored, compared in constant time. The secret
/// has 256 bits, so a fast hash is enough (no password stretching needed).
/// </summary>
public static class ApiKeys
{
    private const string Prefix = "hk_";

    /// <summary>A new key for the organization: the record to store and the token to show once.</summary>
    public static (ApiKey Key, string Token) Create(string organizationId, string name, DateTimeOffset now)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey { Id = "key_" + id, OrganizationId = organizationId, Name = name, SecretHash = Hash(secret), CreatedAt = now };
        return (key, $"{Prefix}{id}_{secret}");
    }

    /// <summary>Splits a token into the stored key id and its secret; false when it is not a Herald key.</summary>
    public static bool TryParse(string token, out string keyId, out string secret)
    {
        ArgumentNullException.ThrowIfNull(token);
        (keyId, secret) = (string.Empty, string.Empty);
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length != Prefix.Length + 16 + 1 + 43 || token[Prefix.Length + 16] != '_')
        {
            return false;
        }

        var id = token.AsSpan(Prefix.Length, 16);
        if (!id.ToString().All(Uri.IsHexDigit))
        {
            return false;
        }

        keyId = "key_" + id.ToString();
        secret = token[(Prefix.Length + 17)..];
        return true;
    }

    /// <summary>Hex SHA-256 of a secret.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Constant-time comparison of two hex hashes.</summary>
    public static bool Matches(string hash, string expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(expectedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
