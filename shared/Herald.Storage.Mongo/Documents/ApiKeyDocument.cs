using MongoDB.Bson.Serialization.Attributes;

namespace Herald.Storage.Mongo.Documents;

/// <summary>An <see cref="ApiKey"/> (its hash) in the <c>api_keys</c> collection.</summary>
[BsonIgnoreExtraElements]
internal sealed class ApiKeyDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("organization_id")]
    public string OrganizationId { get; set; } = "";

    [BsonElement("name")]
    public string Name { get; set; } = "";

    [BsonElement("secret_hash")]
    public string SecretHash { get; set; } = "";

    [BsonElement("created_at")]
    public long CreatedAt { get; set; }

    [BsonElement("revoked_at")]
    public long? RevokedAt { get; set; }

    public static ApiKeyDocument From(ApiKey key) => new()
    {
        Id = key.Id, OrganizationId = key.OrganizationId, Name = key.Name, SecretHash = key.SecretHash,
        CreatedAt = MongoTime.ToTicks(key.CreatedAt), RevokedAt = key.RevokedAt is { } revoked ? MongoTime.ToTicks(revoked) : null,
    };

    public ApiKey ToApiKey() => new()
    {
        Id = Id, OrganizationId = OrganizationId, Name = Name, SecretHash = SecretHash,
        CreatedAt = MongoTime.FromTicks(CreatedAt), RevokedAt = RevokedAt is { } revoked ? MongoTime.FromTicks(revoked) : null,
    };
}
