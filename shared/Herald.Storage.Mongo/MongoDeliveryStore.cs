using Herald.Storage.Mongo.Definitions;
using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo;

/// <summary><see cref="IDeliveryStore"/> on the <c>deliveries</c> collection.</summary>
internal sealed class MongoDeliveryStore(IMongoDatabase database) : IDeliveryStore
{
    private readonly IMongoCollection<DeliveryDocument> _deliveries =
        database.GetCollection<DeliveryDocument>(MongoCollectionNames.Deliveries);

    private readonly IMongoCollection<AttemptDocument> _attempts =
        database.GetCollection<AttemptDocument>(MongoCollectionNames.Attempts);

    public async Task<DeliveryBacklog> GetBacklogAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var cursor = await _deliveries.AggregateAsync(DeliveryBacklogPipeline.At(now.UtcTicks), options: null, cancellationToken);
        var summed = await cursor.FirstOrDefaultAsync(cancellationToken);
        return summed is null
            ? new DeliveryBacklog { Open = 0, Due = 0 }
            : new DeliveryBacklog
            {
                Open = summed.Open,
                Due = summed.Due,
                OldestDueAt = summed.Due > 0 && summed.Earliest is { } earliest ? new DateTimeOffset(earliest, TimeSpan.Zero) : null,
            };
    }

    public async Task<IReadOnlyList<Delivery>> AddIfAbsentAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (deliveries.Count == 0)
        {
            return [];
        }

        try
        {
            // Unordered: one existing delivery must not stop the others from being inserted.
            await _deliveries.InsertManyAsync(
                deliveries.Select(DeliveryDocument.From),
                new InsertManyOptions { IsOrdered = false },
                cancellationToken);
        }
        catch (MongoBulkWriteException<DeliveryDocument> exception) when (MongoErrors.OnlyDuplicateKeys(exception))
        {
            // The existing records win; they are read back below.
        }

        var ids = deliveries.Select(delivery => delivery.Id).Distinct(StringComparer.Ordinal).ToList();
        var stored = await _deliveries.Find(DeliveryFilters.ByIds(ids)).ToListAsync(cancellationToken);
        var byId = stored.ToDictionary(document => document.Id, StringComparer.Ordinal);
        return [.. deliveries.Select(delivery => byId.TryGetValue(delivery.Id, out var document)
            ? document.ToDelivery()
            : throw new InvalidOperationException($"Delivery {delivery.Id} was neither inserted nor found."))];
    }

    public async Task<Delivery?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var document = await _deliveries.Find(DeliveryFilters.ById(id)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToDelivery();
    }

    public async Task<IReadOnlyList<Delivery>> ListByEventAsync(string eventId, CancellationToken cancellationToken)
    {
        var documents = await _deliveries.Find(DeliveryFilters.ByEvent(eventId))
            .Sort(DeliverySorts.ById())
            .ToListAsync(cancellationToken);
        return [.. documents.Select(document => document.ToDelivery())];
    }

    public async Task<Page<Delivery>> ListByWebhookAsync(string webhookId, DeliveryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));

        var filter = DeliveryFilters.ByWebhook(webhookId, query);
        var documents = await _deliveries.Find(filter)
            .Sort(DeliverySorts.NewestFirst())
            .Skip((query.Page - 1) * query.PageSize)
            .Limit(query.PageSize)
            .ToListAsync(cancellationToken);
        var total = await _deliveries.CountDocumentsAsync(filter, options: null, cancellationToken);
        return new Page<Delivery>([.. documents.Select(document => document.ToDelivery())], total);
    }

    public async Task<bool> TryUpdateAsync(Delivery delivery, int expectedAttemptCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var result = await _deliveries.ReplaceOneAsync(
            DeliveryFilters.ByIdAndAttemptCount(delivery.Id, expectedAttemptCount),
            DeliveryDocument.From(delivery),
            new ReplaceOptions { IsUpsert = false },
            cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<bool> RecordAttemptAsync(DeliveryAttempt attempt, Delivery delivery, int expectedAttemptCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);

        // Two writes, attempt first: a standalone server has no multi-document transactions, and
        // an attempt without its delivery's new state is what a crash in between leaves either way.
        await _attempts.InsertOneAsync(AttemptDocument.From(attempt), options: null, cancellationToken);
        return await TryUpdateAsync(delivery, expectedAttemptCount, cancellationToken);
    }

    public async Task<IReadOnlyList<Delivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return [];
        }

        // Three round trips whatever the batch: pick the earliest due, lease those still due under
        // this pass's token, read back what the token holds. Each document is updated atomically
        // and only while still due, so one another scheduler leased in between stays theirs.
        var due = DeliveryFilters.Due(MongoTime.ToTicks(now));
        var candidates = await _deliveries.Find(due)
            .Sort(DeliverySorts.EarliestDueFirst())
            .Limit(limit)
            .Project(d => d.Id)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        var claim = Guid.NewGuid().ToString("N");
        await _deliveries.UpdateManyAsync(
            due & DeliveryFilters.ByIds(candidates),
            DeliveryUpdates.Claim(MongoTime.ToTicks(leaseUntil), MongoTime.ToTicks(now), claim),
            options: null,
            cancellationToken);
        var claimed = await _deliveries.Find(DeliveryFilters.ClaimedBy(candidates, claim)).ToListAsync(cancellationToken);
        var order = candidates.Select((id, index) => (id, index)).ToDictionary(c => c.id, c => c.index, StringComparer.Ordinal);
        return [.. claimed.OrderBy(d => order[d.Id]).Select(d => d.ToDelivery())];
    }

    public async Task<int> ParkAsync(string webhookId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = await _deliveries.UpdateManyAsync(
            DeliveryFilters.ByWebhookInStates(webhookId, DeliveryFilters.Schedulable, sinceTicks: null),
            DeliveryUpdates.Park(MongoTime.ToTicks(now)),
            options: null,
            cancellationToken);
        return (int)result.ModifiedCount;
    }

    public async Task<int> RequeueAsync(string webhookId, IReadOnlyCollection<DeliveryState> states, DateTimeOffset? since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0)
        {
            return 0;
        }

        var result = await _deliveries.UpdateManyAsync(
            DeliveryFilters.ByWebhookInStates(webhookId, states, MongoTime.ToTicks(since)),
            DeliveryUpdates.Requeue(MongoTime.ToTicks(now)),
            options: null,
            cancellationToken);
        return (int)result.ModifiedCount;
    }
}
