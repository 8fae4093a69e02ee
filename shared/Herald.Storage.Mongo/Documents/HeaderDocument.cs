using MongoDB.Bson.Serialization.Attributes;

namespace Herald.Storage.Mongo.Documents;

/// <summary>One header as stored: a sub-document, so the order of the list is kept.</summary>
[BsonIgnoreExtraElements]
internal sealed class HeaderDocument
{
    [BsonElement("key")]
    public string Key { get; set; } = "";

    [BsonElement("value")]
    public string Value { get; set; } = "";

    public static List<HeaderDocument> FromHeaders(IEnumerable<WebhookHeader> headers) =>
        [.. headers.Select(header => new HeaderDocument { Key = header.Key, Value = header.Value })];

    public static List<WebhookHeader> ToHeaders(IEnumerable<HeaderDocument> headers) =>
        [.. headers.Select(header => new WebhookHeader(header.Key, header.Value))];
}
