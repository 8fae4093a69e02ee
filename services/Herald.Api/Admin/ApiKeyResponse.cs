using System.Text.Json.Serialization;
using Herald.Storage;

namespace Herald.Api.Admin;

/// <summary>An API key; <c>key</c> (the token) appears only in the answer that created it.</summary>
public sealed record ApiKeyResponse(string Id, string OrganizationId, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>The token, shown once.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }

    /// <summary>The response for a stored key (never its hash).</summary>
    public static ApiKeyResponse From(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Id, key.OrganizationId, key.Name, key.CreatedAt, key.RevokedAt);
    }
}
