using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Filters on <c>events</c>.</summary>
internal static class EventFilters
{
    public static FilterDefinition<EventDocument> ById(string id) => Builders<EventDocument>.Filter.Eq(e => e.Id, id);
}
