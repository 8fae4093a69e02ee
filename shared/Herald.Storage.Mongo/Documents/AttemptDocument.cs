using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Herald.Storage.Mongo.Documents;

/// <summary>A <see cref="DeliveryAttempt"/> in the <c>attempts</c> collection.</summary>
[BsonIgnoreExtraElements]
internal sealed class AttemptDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("delivery_id")]
    public string DeliveryId { get; set; } = "";

    [BsonElement("event_id")]
    public string EventId { get; set; } = "";

    [BsonElement("webhook_id")]
    public string WebhookId { get; set; } = "";

    [BsonElement("number")]
    public int Number { get; set; }

    [BsonElement("request")]
    public AttemptRequestDocument Request { get; set; } = new();

    [BsonElement("response")]
    public AttemptResponseDocument? Response { get; set; }

    [BsonElement("succeeded")]
    public bool Succeeded { get; set; }

    [BsonElement("error_kind")]
    [BsonRepresentation(BsonType.String)]
    public AttemptErrorKind? ErrorKind { get; set; }

    [BsonElement("error")]
    public string? Error { get; set; }

    [BsonElement("started_at")]
    public long StartedAt { get; set; }

    [BsonElement("completed_at")]
    public long CompletedAt { get; set; }

    [BsonElement("duration")]
    public long Duration { get; set; }

    [BsonElement("trace_id")]
    public string? TraceId { get; set; }

    public static AttemptDocument From(DeliveryAttempt attempt) => new()
    {
        Id = attempt.Id,
        DeliveryId = attempt.DeliveryId,
        EventId = attempt.EventId,
        WebhookId = attempt.WebhookId,
        Number = attempt.Number,
        Request = AttemptRequestDocument.From(attempt.Request),
        Response = attempt.Response is { } response ? AttemptResponseDocument.From(response) : null,
        Succeeded = attempt.Succeeded,
        ErrorKind = attempt.ErrorKind,
        Error = attempt.Error,
        StartedAt = MongoTime.ToTicks(attempt.StartedAt),
        CompletedAt = MongoTime.ToTicks(attempt.CompletedAt),
        Duration = attempt.Duration.Ticks,
        TraceId = attempt.TraceId,
    };

    public DeliveryAttempt ToAttempt() => new()
    {
        Id = Id,
        DeliveryId = DeliveryId,
        EventId = EventId,
        WebhookId = WebhookId,
        Number = Number,
        Request = Request.ToRequest(),
        Response = Response?.ToResponse(),
        Succeeded = Succeeded,
        ErrorKind = ErrorKind,
        Error = Error,
        StartedAt = MongoTime.FromTicks(StartedAt),
        CompletedAt = MongoTime.FromTicks(CompletedAt),
        Duration = TimeSpan.FromTicks(Duration),
        TraceId = TraceId,
    };
}
