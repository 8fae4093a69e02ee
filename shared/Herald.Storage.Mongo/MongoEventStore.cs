using Herald.Storage.Mongo.Definitions;
using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo;

/// <summary><see cref="IEventStore"/> on the <c>events</c> collection.</summary>
internal sealed class MongoEventStore(IMongoDatabase database) : IEventStore
{
    private readonly IMongoCollection<EventDocument> _events =
        database.GetCollection<EventDocument>(MongoCollectionNames.Events);

    public async Task<(WebhookEvent Event, bool Added)> AddIfAbsentAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        try
        {
            await _events.InsertOneAsync(EventDocument.From(webhookEvent), options: null, cancellationToken);
            return (webhookEvent, true);
        }
        catch (MongoWriteException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            // Events are never deleted, so the one that won the race is there to read.
            var existing = await GetAsync(webhookEvent.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Event {webhookEvent.Id} was reported as a duplicate but could not be read.", exception);
            return (existing, false);
        }
    }

    public async Task<WebhookEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var document = await _events.Find(EventFilters.ById(id)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToEvent();
    }
}
