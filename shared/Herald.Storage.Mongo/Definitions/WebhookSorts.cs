using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Sorts on <c>webhooks</c>.</summary>
internal static class WebhookSorts
{
    /// <summary>Oldest first; the id breaks ties so the order is stable.</summary>
    public static SortDefinition<WebhookDocument> OldestFirst() =>
        Builders<WebhookDocument>.Sort.Ascending(w => w.CreatedAt).Ascending(w => w.Id);
}
