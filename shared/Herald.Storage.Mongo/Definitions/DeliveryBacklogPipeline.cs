using Herald.Storage.Mongo.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Sums up the open deliveries; the match runs on the partial due index.</summary>
internal static class DeliveryBacklogPipeline
{
    public static PipelineDefinition<DeliveryDocument, DeliveryBacklogDocument> At(long nowTicks) =>
        new EmptyPipelineDefinition<DeliveryDocument>()
            .Match(Builders<DeliveryDocument>.Filter.In(d => d.State, DeliveryFilters.Schedulable))
            .Group<DeliveryDocument, DeliveryDocument, DeliveryBacklogDocument>(new BsonDocument
            {
                { "_id", BsonNull.Value },
                { "open", new BsonDocument("$sum", 1) },
                { "due", new BsonDocument("$sum", new BsonDocument("$cond", new BsonArray { new BsonDocument("$lte", new BsonArray { "$next_attempt_at", nowTicks }), 1, 0 })) },
                { "earliest", new BsonDocument("$min", "$next_attempt_at") },
            });
}
