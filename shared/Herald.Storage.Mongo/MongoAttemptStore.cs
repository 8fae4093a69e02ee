using Herald.Storage.Mongo.Definitions;
using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo;

/// <summary><see cref="IAttemptStore"/> on the <c>attempts</c> collection.</summary>
internal sealed class MongoAttemptStore(IMongoDatabase database) : IAttemptStore
{
    private readonly IMongoCollection<AttemptDocument> _attempts =
        database.GetCollection<AttemptDocument>(MongoCollectionNames.Attempts);

    public Task AddAsync(DeliveryAttempt attempt, CancellationToken cancellationToken) =>
        _attempts.InsertOneAsync(AttemptDocument.From(attempt), options: null, cancellationToken);

    public async Task<IReadOnlyList<DeliveryAttempt>> ListByDeliveryAsync(string deliveryId, CancellationToken cancellationToken)
    {
        var documents = await _attempts.Find(AttemptFilters.ByDelivery(deliveryId))
            .Sort(AttemptSorts.ByNumber())
            .ToListAsync(cancellationToken);
        return [.. documents.Select(document => document.ToAttempt())];
    }
}
