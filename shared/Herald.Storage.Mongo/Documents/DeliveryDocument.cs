using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Herald.Storage.Mongo.Documents;

/// <summary>A <see cref="Delivery"/> in the <c>deliveries</c> collection.</summary>
[BsonIgnoreExtraElements]
internal sealed class DeliveryDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("event_id")]
    public string EventId { get; set; } = "";

    [BsonElement("webhook_id")]
    public string WebhookId { get; set; } = "";

    [BsonElement("organization_id")]
    public string OrganizationId { get; set; } = "";

    [BsonElement("event_category")]
    public string EventCategory { get; set; } = "";

    [BsonElement("occurred_at")]
    public long OccurredAt { get; set; }

    [BsonElement("state")]
    [BsonRepresentation(BsonType.String)]
    public DeliveryState State { get; set; }

    [BsonElement("attempt_count")]
    public int AttemptCount { get; set; }

    [BsonElement("next_attempt_at")]
    public long? NextAttemptAt { get; set; }

    /// <summary>
    /// The token of the scheduler pass that last leased it, so that pass can read back what it
    /// took; dropped when the delivery is next replaced.
    /// </summary>
    [BsonElement("claim")]
    [BsonIgnoreIfNull]
    public string? Claim { get; set; }

    [BsonElement("last_status_code")]
    public int? LastStatusCode { get; set; }

    [BsonElement("last_error")]
    public string? LastError { get; set; }

    [BsonElement("trace_parent")]
    public string? TraceParent { get; set; }

    [BsonElement("created_at")]
    public long CreatedAt { get; set; }

    [BsonElement("updated_at")]
    public long UpdatedAt { get; set; }

    public static DeliveryDocument From(Delivery delivery) => new()
    {
        Id = delivery.Id,
        EventId = delivery.EventId,
        WebhookId = delivery.WebhookId,
        OrganizationId = delivery.OrganizationId,
        EventCategory = delivery.EventCategory,
        OccurredAt = MongoTime.ToTicks(delivery.OccurredAt),
        State = delivery.State,
        AttemptCount = delivery.AttemptCount,
        NextAttemptAt = MongoTime.ToTicks(delivery.NextAttemptAt),
        LastStatusCode = delivery.LastStatusCode,
        LastError = delivery.LastError,
        TraceParent = delivery.TraceParent,
        CreatedAt = MongoTime.ToTicks(delivery.CreatedAt),
        UpdatedAt = MongoTime.ToTicks(delivery.UpdatedAt),
    };

    public Delivery ToDelivery() => new()
    {
        Id = Id,
        EventId = EventId,
        WebhookId = WebhookId,
        OrganizationId = OrganizationId,
        EventCategory = EventCategory,
        OccurredAt = MongoTime.FromTicks(OccurredAt),
        State = State,
        AttemptCount = AttemptCount,
        NextAttemptAt = MongoTime.FromTicks(NextAttemptAt),
        LastStatusCode = LastStatusCode,
        LastError = LastError,
        TraceParent = TraceParent,
        CreatedAt = MongoTime.FromTicks(CreatedAt),
        UpdatedAt = MongoTime.FromTicks(UpdatedAt),
    };
}
