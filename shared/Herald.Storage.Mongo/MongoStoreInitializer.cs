using Herald.Storage.Mongo.Definitions;
using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo;

/// <summary>
/// Creates the indexes. Collections appear on first insert; creating an index that already
/// exists with the same keys and options is a no-op, so every process may run this at start.
/// </summary>
internal sealed class MongoStoreInitializer(IMongoDatabase database) : IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await CreateAsync(MongoCollectionNames.Webhooks, StoreIndexes.Webhooks(), cancellationToken);
        await CreateAsync(MongoCollectionNames.Deliveries, StoreIndexes.Deliveries(), cancellationToken);
        await CreateAsync(MongoCollectionNames.Attempts, StoreIndexes.Attempts(), cancellationToken);
        await CreateAsync(MongoCollectionNames.Inboxes, StoreIndexes.Inboxes(), cancellationToken);
        await CreateAsync(MongoCollectionNames.InboxRequests, StoreIndexes.InboxRequests(), cancellationToken);
        await CreateAsync(MongoCollectionNames.ApiKeys, StoreIndexes.ApiKeys(), cancellationToken);
    }

    private async Task CreateAsync<TDocument>(string collectionName, IReadOnlyList<CreateIndexModel<TDocument>> indexes, CancellationToken cancellationToken)
    {
        var collection = database.GetCollection<TDocument>(collectionName);
        await collection.Indexes.CreateManyAsync(indexes, cancellationToken);
    }
}
