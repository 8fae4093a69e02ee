using MongoDB.Bson.Serialization.Attributes;

namespace Herald.Storage.Mongo.Documents;

/// <summary>An <see cref="AttemptRequest"/> embedded in its attempt.</summary>
[BsonIgnoreExtraElements]
internal sealed class AttemptRequestDocument
{
    [BsonElement("url")]
    public string Url { get; set; } = "";

    [BsonElement("method")]
    public string Method { get; set; } = "";

    [BsonElement("headers")]
    public List<HeaderDocument> Headers { get; set; } = [];

    [BsonElement("body_event_id")]
    public string BodyEventId { get; set; } = "";

    public static AttemptRequestDocument From(AttemptRequest request) => new()
    {
        Url = request.Url,
        Method = request.Method,
        Headers = HeaderDocument.FromHeaders(request.Headers),
        BodyEventId = request.BodyEventId,
    };

    public AttemptRequest ToRequest() => new(Url, Method, HeaderDocument.ToHeaders(Headers), BodyEventId);
}
