using Herald.Storage.Mongo.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Filters and sorts on <c>inboxes</c>, and the pipeline that sums up their requests.</summary>
internal static class InboxDefinitions
{
    public static FilterDefinition<InboxDocument> ById(string inboxId) =>
        Builders<InboxDocument>.Filter.Eq(i => i.Id, inboxId);

    public static FilterDefinition<InboxDocument> OfOrganization(string organizationId) =>
        Builders<InboxDocument>.Filter.Eq(i => i.OrganizationId, organizationId);

    /// <summary>Newest first; the id breaks ties so the order is stable. Read off the inboxes index.</summary>
    public static SortDefinition<InboxDocument> NewestFirst() =>
        Builders<InboxDocument>.Sort.Descending(i => i.CreatedAt).Descending(i => i.Id);

    /// <summary>
    /// For each of the inboxes that received anything, its request count and newest receive time;
    /// the match and group run on the inbox_requests index without fetching a request.
    /// </summary>
    public static PipelineDefinition<InboxRequestDocument, InboxActivityDocument> Activity(IEnumerable<string> inboxIds) =>
        new EmptyPipelineDefinition<InboxRequestDocument>()
            .Match(Builders<InboxRequestDocument>.Filter.In(r => r.InboxId, inboxIds))
            .Group<InboxRequestDocument, InboxRequestDocument, InboxActivityDocument>(new BsonDocument
            {
                { "_id", "$inbox_id" },
                { "request_count", new BsonDocument("$sum", 1) },
                { "last_received_at", new BsonDocument("$max", "$received_at") },
            });
}
