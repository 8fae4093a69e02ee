using MongoDB.Bson.Serialization.Attributes;

namespace Herald.Storage.Mongo.Documents;

/// <summary>An <see cref="InboxRequest"/> in the <c>inbox_requests</c> collection.</summary>
[BsonIgnoreExtraElements]
internal sealed class InboxRequestDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("inbox_id")]
    public string InboxId { get; set; } = "";

    [BsonElement("method")]
    public string Method { get; set; } = "";

    [BsonElement("path")]
    public string Path { get; set; } = "";

    [BsonElement("query")]
    public string Query { get; set; } = "";

    [BsonElement("headers")]
    public List<HeaderDocument> Headers { get; set; } = [];

    [BsonElement("body")]
    public string Body { get; set; } = "";

    [BsonElement("size")]
    public long Size { get; set; }

    [BsonElement("remote_address")]
    public string? RemoteAddress { get; set; }

    [BsonElement("received_at")]
    public long ReceivedAt { get; set; }

    public static InboxRequestDocument From(InboxRequest request) => new()
    {
        Id = request.Id,
        InboxId = request.InboxId,
        Method = request.Method,
        Path = request.Path,
        Query = request.Query,
        Headers = HeaderDocument.FromHeaders(request.Headers),
        Body = request.Body,
        Size = request.Size,
        RemoteAddress = request.RemoteAddress,
        ReceivedAt = MongoTime.ToTicks(request.ReceivedAt),
    };

    public InboxRequest ToRequest() => new()
    {
        Id = Id,
        InboxId = InboxId,
        Method = Method,
        Path = Path,
        Query = Query,
        Headers = HeaderDocument.ToHeaders(Headers),
        Body = Body,
        Size = Size,
        RemoteAddress = RemoteAddress,
        ReceivedAt = MongoTime.FromTicks(ReceivedAt),
    };
}
