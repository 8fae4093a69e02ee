using MongoDB.Bson.Serialization.Attributes;

namespace Herald.Storage.Mongo.Documents;

/// <summary>The open deliveries summed up: the output of <c>DeliveryFilters.Backlog</c>.</summary>
[BsonIgnoreExtraElements]
internal sealed class DeliveryBacklogDocument
{
    [BsonElement("open")]
    public long Open { get; set; }

    [BsonElement("due")]
    public long Due { get; set; }

    /// <summary>The earliest next attempt time of any open delivery, in ticks.</summary>
    [BsonElement("earliest")]
    public long? Earliest { get; set; }
}
