using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Sorts on <c>inbox_requests</c>.</summary>
internal static class InboxSorts
{
    /// <summary>Newest first; the id breaks ties so the order is stable.</summary>
    public static SortDefinition<InboxRequestDocument> NewestFirst() =>
        Builders<InboxRequestDocument>.Sort.Descending(r => r.ReceivedAt).Descending(r => r.Id);
}
