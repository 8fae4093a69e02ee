using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>
/// The indexes of each collection, one per query shape. Creating an index that exists with the
/// same keys and options is a no-op, so the initializer can run from every process.
/// </summary>
internal static class StoreIndexes
{
    public static IReadOnlyList<CreateIndexModel<WebhookDocument>> Webhooks()
    {
        var keys = Builders<WebhookDocument>.IndexKeys;
        return
        [
            new(keys.Ascending(w => w.OrganizationId).Ascending(w => w.CreatedAt)),
            new(keys.Ascending(w => w.OrganizationId).Ascending(w => w.EventCategories).Ascending(w => w.Enabled)),
        ];
    }

    public static IReadOnlyList<CreateIndexModel<DeliveryDocument>> Deliveries()
    {
        var keys = Builders<DeliveryDocument>.IndexKeys;
        return
        [
            new(keys.Ascending(d => d.WebhookId).Descending(d => d.OccurredAt).Descending(d => d.Id)),
            new(keys.Ascending(d => d.EventId)),
            // Only schedulable deliveries are indexed for the scheduler: finished ones pile up
            // and are never due. Needs MongoDB 6.0+ ($in in a partial filter). The id ends the
            // key so "earliest due, ties by id" merges from the two state ranges without a sort.
            new(
                keys.Ascending(d => d.State).Ascending(d => d.NextAttemptAt).Ascending(d => d.Id),
                new CreateIndexOptions<DeliveryDocument>
                {
                    PartialFilterExpression = Builders<DeliveryDocument>.Filter.In(d => d.State, DeliveryFilters.Schedulable),
                }),
        ];
    }

    public static IReadOnlyList<CreateIndexModel<AttemptDocument>> Attempts() =>
        [new(Builders<AttemptDocument>.IndexKeys.Ascending(a => a.DeliveryId).Ascending(a => a.Number))];

    /// <summary>An organization's inboxes, newest first with ties by id, read off the index.</summary>
    public static IReadOnlyList<CreateIndexModel<InboxDocument>> Inboxes() =>
        [new(Builders<InboxDocument>.IndexKeys.Ascending(i => i.OrganizationId).Descending(i => i.CreatedAt).Descending(i => i.Id))];

    /// <summary>The id is part of the key so "newest first, ties by id" is read off the index.</summary>
    public static IReadOnlyList<CreateIndexModel<InboxRequestDocument>> InboxRequests() =>
        [new(Builders<InboxRequestDocument>.IndexKeys.Ascending(r => r.InboxId).Descending(r => r.ReceivedAt).Descending(r => r.Id))];

    public static IReadOnlyList<CreateIndexModel<ApiKeyDocument>> ApiKeys() =>
    [
        new(Builders<ApiKeyDocument>.IndexKeys.Ascending(k => k.OrganizationId).Ascending(k => k.CreatedAt).Ascending(k => k.Id)),
    ];
}
