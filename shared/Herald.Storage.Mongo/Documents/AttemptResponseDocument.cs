using MongoDB.Bson.Serialization.Attributes;

namespace Herald.Storage.Mongo.Documents;

/// <summary>An <see cref="AttemptResponse"/> embedded in its attempt.</summary>
[BsonIgnoreExtraElements]
internal sealed class AttemptResponseDocument
{
    [BsonElement("status_code")]
    public int StatusCode { get; set; }

    [BsonElement("headers")]
    public List<HeaderDocument> Headers { get; set; } = [];

    [BsonElement("body")]
    public string Body { get; set; } = "";

    [BsonElement("body_truncated")]
    public bool BodyTruncated { get; set; }

    public static AttemptResponseDocument From(AttemptResponse response) => new()
    {
        StatusCode = response.StatusCode,
        Headers = HeaderDocument.FromHeaders(response.Headers),
        Body = response.Body,
        BodyTruncated = response.BodyTruncated,
    };

    public AttemptResponse ToResponse() => new(StatusCode, HeaderDocument.ToHeaders(Headers), Body, BodyTruncated);
}
