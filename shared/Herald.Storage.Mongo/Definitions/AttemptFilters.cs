using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Filters on <c>attempts</c>.</summary>
internal static class AttemptFilters
{
    public static FilterDefinition<AttemptDocument> ByDelivery(string deliveryId) =>
        Builders<AttemptDocument>.Filter.Eq(a => a.DeliveryId, deliveryId);
}
