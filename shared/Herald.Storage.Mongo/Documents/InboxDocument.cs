using MongoDB.Bson.Serialization.Attributes;

namespace Herald.Storage.Mongo.Documents;

/// <summary>An <see cref="Inbox"/> in the <c>inboxes</c> collection.</summary>
[BsonIgnoreExtraElements]
internal sealed class InboxDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("organization_id")]
    public string OrganizationId { get; set; } = "";

    [BsonElement("name")]
    public string? Name { get; set; }

    [BsonElement("created_at")]
    public long CreatedAt { get; set; }

    public static InboxDocument From(Inbox inbox) => new()
    {
        Id = inbox.Id, OrganizationId = inbox.OrganizationId, Name = inbox.Name, CreatedAt = MongoTime.ToTicks(inbox.CreatedAt),
    };

    public Inbox ToInbox() => new() { Id = Id, OrganizationId = OrganizationId, Name = Name, CreatedAt = MongoTime.FromTicks(CreatedAt) };

    /// <summary>The inbox with its activity; none means it has received nothing yet.</summary>
    public InboxSummary ToSummary(InboxActivityDocument? activity) => new()
    {
        Inbox = ToInbox(),
        RequestCount = activity?.RequestCount ?? 0,
        LastRequestAt = activity is null ? null : MongoTime.FromTicks(activity.LastReceivedAt),
    };
}
