using MongoDB.Bson.Serialization.Attributes;

namespace Herald.Storage.Mongo.Documents;

/// <summary>An <see cref="Organization"/> in the <c>organizations</c> collection.</summary>
[BsonIgnoreExtraElements]
internal sealed class OrganizationDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("name")]
    public string Name { get; set; } = "";

    [BsonElement("created_at")]
    public long CreatedAt { get; set; }

    public static OrganizationDocument From(Organization organization) => new()
    {
        Id = organization.Id, Name = organization.Name, CreatedAt = MongoTime.ToTicks(organization.CreatedAt),
    };

    public Organization ToOrganization() => new() { Id = Id, Name = Name, CreatedAt = MongoTime.FromTicks(CreatedAt) };
}
