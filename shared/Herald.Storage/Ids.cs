using System.Security.Cryptography;
using System.Text;

namespace Herald.Storage;

/// <summary>Herald's id formats: a prefix and a UUID.</summary>
public static class Ids
{
    /// <summary>A new random id with the prefix, such as <c>wh_…</c>.</summary>
    public static string New(string prefix) => $"{prefix}_{Guid.NewGuid():D}";

    /// <summary>The event id for a source record: <c>evt_&lt;uuid&gt;</c>.</summary>
    public static string Event(Guid sourceId) => $"evt_{sourceId:D}";

    /// <summary>
    /// The delivery id of (event, webhook): a name-based UUID (RFC 9562 version 8, from SHA-256), so a
    /// redelivered source message maps to the same delivery.
    /// </summary>
    public static string Delivery(string eventId, string webhookId) => $"msg_{NameBased(eventId + "\n" + webhookId):D}";

    /// <summary>A version-8 UUID from the SHA-256 of a name, stable across processes.</summary>
    public static Guid NameBased(string name)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
