using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Filters on <c>inbox_requests</c>.</summary>
internal static class InboxFilters
{
    private static FilterDefinitionBuilder<InboxRequestDocument> Filter => Builders<InboxRequestDocument>.Filter;

    public static FilterDefinition<InboxRequestDocument> ByInbox(string inboxId) => Filter.Eq(r => r.InboxId, inboxId);

    public static FilterDefinition<InboxRequestDocument> ByInboxAndId(string inboxId, string id) =>
        Filter.Eq(r => r.Id, id) & Filter.Eq(r => r.InboxId, inboxId);
}
