using System.Text.Json.Serialization;

namespace Herald.Contracts;

/// <summary>Who performed the audited action.</summary>
/// <param name="Ip">The actor's IP address as the upstream saw it.</param>
/// <param name="UserAgent">The actor's user agent.</param>
/// <param name="Username">The actor's user name.</param>
public sealed record AuditActor(
    [property: JsonPropertyName("ip")] string Ip,
    [property: JsonPropertyName("user_agent")] string UserAgent,
    [property: JsonPropertyName("username")] string Username);
