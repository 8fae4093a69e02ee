using MongoDB.Bson.Serialization.Attributes;

namespace Herald.Storage.Mongo.Documents;

/// <summary>One inbox's requests summed up: the output of <c>InboxDefinitions.Activity</c>.</summary>
[BsonIgnoreExtraElements]
internal sealed class InboxActivityDocument
{
    /// <summary>The inbox id the requests carry.</summary>
    [BsonId]
    public string InboxId { get; set; } = "";

    [BsonElement("request_count")]
    public long RequestCount { get; set; }

    [BsonElement("last_received_at")]
    public long LastReceivedAt { get; set; }
}
