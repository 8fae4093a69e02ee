using System.Security.Cryptography;
using System.Text;

namespace Herald.Storage.Protection;

/// <summary>
/// Encrypts signing secrets for the store with AES-256-GCM (authenticated): the stored form is
/// <c>enc:v1:&lt;key id&gt;:&lt;base64 nonce|ciphertext|tag&gt;</c>, bound to its webhook id as
/// associated data so a secret copied to another row does not decrypt. The key id lets keys
/// rotate: new secrets use the active key, old ones decrypt with the key they name.
/// </summary>
public sealed class SecretProtector
{
    private const string Prefix = "enc:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly IReadOnlyDictionary<string, byte[]> keys;
    private readonly string activeKeyId;

    /// <summary>Creates a protector; <paramref name="activeKeyId"/> must name one of <paramref name="keys"/> (32-byte keys).</summary>
    public SecretProtector(IReadOnlyDictionary<string, byte[]> keys, string activeKeyId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!keys.TryGetValue(activeKeyId, out var active) || active.Length != 32)
        {
            throw new ArgumentException($"The active key '{activeKeyId}' must be one of the keys and 32 bytes long.", nameof(activeKeyId));
        }

        this.keys = keys;
        this.activeKeyId = activeKeyId;
    }

    /// <summary>The stored form of <paramref name="secret"/> for webhook <paramref name="webhookId"/>.</summary>
    public string Protect(string secret, string webhookId)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys[activeKeyId], TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(webhookId));
        return $"{Prefix}{activeKeyId}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>The secret behind a stored value; a value stored before encryption is returned as it is.</summary>
    public string Unprotect(string stored, string webhookId)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        var rest = stored.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        var keyId = rest[..colon].ToString();
        if (!keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"The secret of webhook {webhookId} was encrypted with key '{keyId}', which is not configured (Security:EncryptionKeys).");
        }

        var sealedBytes = Convert.FromBase64String(rest[(colon + 1)..].ToString());
        var length = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plain, Encoding.UTF8.GetBytes(webhookId));
        return Encoding.UTF8.GetString(plain);
    }
}
