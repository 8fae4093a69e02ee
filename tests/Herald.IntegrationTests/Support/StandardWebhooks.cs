using System.Security.Cryptography;
using System.Text;

namespace Herald.IntegrationTests.Support;

/// <summary>What a receiver does to check a Standard Webhooks signature (https://www.standardwebhooks.com/), written independently of Herald's signer.</summary>
public static class StandardWebhooks
{
    /// <summary>The expected <c>webhook-signature</c> for a request, from the <c>whsec_</c> secret.</summary>
    public static string Signature(string secret, string id, string timestamp, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var content = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        using var hmac = new HMACSHA256(key);
        return "v1," + Convert.ToBase64String(hmac.ComputeHash(content));
    }
}
