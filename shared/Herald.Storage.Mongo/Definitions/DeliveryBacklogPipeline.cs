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
                { "due", new BsonDocument("$sum", new BsonDocument("$cond", new BsonArray { IsDue(nowTicks), 1, 0 })) },
                { "earliest", new BsonDocument("$min", "$next_attempt_at") },
            });

    // Unlike a query filter, an expression compares across types: $lte puts null (and a missing
    // field) before every number, so an open delivery without a next attempt time would count as
    // due. Only a stored time can have come. See https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/
    private static BsonDocument IsDue(long nowTicks) =>
        new("$and", new BsonArray
        {
            new BsonDocument("$isNumber", "$next_attempt_at"),
            new BsonDocument("$lte", new BsonArray { "$next_attempt_at", nowTicks }),
        });
}
