using System.Security.Cryptography;
using System.Text;

namespace Herald.UnitTests.Delivery;

/// <summary>
/// A receiver's check written from the Standard Webhooks specification, independent of Herald's
/// signer: HMAC-SHA256 keyed with the base64 after <c>whsec_</c>, over <c>id.timestamp.body</c>.
/// </summary>
internal static class StandardWebhooksVerifier
{
    public static string Expected(string secret, string id, string timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        using var hmac = new HMACSHA256(key);
        return "v1," + Convert.ToBase64String(hmac.ComputeHash(signed));
    }

    public static bool Verify(string secret, string id, string timestamp, string signatureHeader, byte[] body)
    {
        var expected = Encoding.ASCII.GetBytes(Expected(secret, id, timestamp, body));
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected));
    }
}
