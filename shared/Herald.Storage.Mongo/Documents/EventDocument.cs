using MongoDB.Bson.Serialization.Attributes;

namespace Herald.Storage.Mongo.Documents;

/// <summary>A <see cref="WebhookEvent"/> in the <c>events</c> collection; the payload is BSON binary.</summary>
[BsonIgnoreExtraElements]
internal sealed class EventDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("organization_id")]
    public string OrganizationId { get; set; } = "";

    [BsonElement("category")]
    public string Category { get; set; } = "";

    [BsonElement("occurred_at")]
    public long OccurredAt { get; set; }

    [BsonElement("payload")]
    public byte[] Payload { get; set; } = [];

    [BsonElement("created_at")]
    public long CreatedAt { get; set; }

    public static EventDocument From(WebhookEvent webhookEvent) => new()
    {
        Id = webhookEvent.Id,
        OrganizationId = webhookEvent.OrganizationId,
        Category = webhookEvent.Category,
        OccurredAt = MongoTime.ToTicks(webhookEvent.OccurredAt),
        Payload = webhookEvent.Payload.ToArray(),
        CreatedAt = MongoTime.ToTicks(webhookEvent.CreatedAt),
    };

    public WebhookEvent ToEvent() => new()
    {
        Id = Id,
        OrganizationId = OrganizationId,
        Category = Category,
        OccurredAt = MongoTime.FromTicks(OccurredAt),
        Payload = Payload,
        CreatedAt = MongoTime.FromTicks(CreatedAt),
    };
}
