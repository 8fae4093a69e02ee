using MongoDB.Bson.Serialization.Attributes;

namespace Herald.Storage.Mongo.Documents;

/// <summary>A <see cref="Webhook"/> in the <c>webhooks</c> collection.</summary>
[BsonIgnoreExtraElements]
internal sealed class WebhookDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("organization_id")]
    public string OrganizationId { get; set; } = "";

    [BsonElement("name")]
    public string Name { get; set; } = "";

    [BsonElement("url")]
    public string Url { get; set; } = "";

    [BsonElement("headers")]
    public List<HeaderDocument> Headers { get; set; } = [];

    [BsonElement("event_categories")]
    public List<string> EventCategories { get; set; } = [];

    [BsonElement("secure")]
    public bool Secure { get; set; }

    [BsonElement("enabled")]
    public bool Enabled { get; set; }

    [BsonElement("secret")]
    public string Secret { get; set; } = "";

    [BsonElement("previous_secret")]
    public string? PreviousSecret { get; set; }

    [BsonElement("previous_secret_expires_at")]
    public long? PreviousSecretExpiresAt { get; set; }

    [BsonElement("disabled_reason")]
    public string? DisabledReason { get; set; }

    [BsonElement("disabled_at")]
    public long? DisabledAt { get; set; }

    [BsonElement("failing_since")]
    public long? FailingSince { get; set; }

    [BsonElement("created_at")]
    public long CreatedAt { get; set; }

    [BsonElement("updated_at")]
    public long UpdatedAt { get; set; }

    public static WebhookDocument From(Webhook webhook) => new()
    {
        Id = webhook.Id,
        OrganizationId = webhook.OrganizationId,
        Name = webhook.Name,
        Url = webhook.Url,
        Headers = HeaderDocument.FromHeaders(webhook.Headers),
        EventCategories = [.. webhook.EventCategories],
        Secure = webhook.Secure,
        Enabled = webhook.Enabled,
        Secret = webhook.Secret,
        PreviousSecret = webhook.PreviousSecret,
        PreviousSecretExpiresAt = webhook.PreviousSecretExpiresAt is { } expires ? MongoTime.ToTicks(expires) : null,
        DisabledReason = webhook.DisabledReason,
        DisabledAt = webhook.DisabledAt is { } disabledAt ? MongoTime.ToTicks(disabledAt) : null,
        FailingSince = webhook.FailingSince is { } failingSince ? MongoTime.ToTicks(failingSince) : null,
        CreatedAt = MongoTime.ToTicks(webhook.CreatedAt),
        UpdatedAt = MongoTime.ToTicks(webhook.UpdatedAt),
    };

    public Webhook ToWebhook() => new()
    {
        Id = Id,
        OrganizationId = OrganizationId,
        Name = Name,
        Url = Url,
        Headers = HeaderDocument.ToHeaders(Headers),
        EventCategories = [.. EventCategories],
        Secure = Secure,
        Enabled = Enabled,
        Secret = Secret,
        PreviousSecret = PreviousSecret,
        PreviousSecretExpiresAt = PreviousSecretExpiresAt is { } expires ? MongoTime.FromTicks(expires) : null,
        DisabledReason = DisabledReason,
        DisabledAt = DisabledAt is { } disabledAt ? MongoTime.FromTicks(disabledAt) : null,
        FailingSince = FailingSince is { } failingSince ? MongoTime.FromTicks(failingSince) : null,
        CreatedAt = MongoTime.FromTicks(CreatedAt),
        UpdatedAt = MongoTime.FromTicks(UpdatedAt),
    };
}
