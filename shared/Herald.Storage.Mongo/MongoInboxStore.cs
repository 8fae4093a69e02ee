using Herald.Storage.Mongo.Definitions;
using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo;

/// <summary><see cref="IInboxStore"/> on the <c>inbox_requests</c> collection.</summary>
internal sealed class MongoInboxStore(IMongoDatabase database) : IInboxStore
{
    private readonly IMongoCollection<InboxRequestDocument> _requests =
        database.GetCollection<InboxRequestDocument>(MongoCollectionNames.InboxRequests);

    public Task AddAsync(InboxRequest request, CancellationToken cancellationToken) =>
        _requests.InsertOneAsync(InboxRequestDocument.From(request), options: null, cancellationToken);

    public async Task<IReadOnlyList<InboxRequest>> ListAsync(string inboxId, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return [];
        }

        var documents = await _requests.Find(InboxFilters.ByInbox(inboxId))
            .Sort(InboxSorts.NewestFirst())
            .Limit(limit)
            .ToListAsync(cancellationToken);
        return [.. documents.Select(document => document.ToRequest())];
    }

    public async Task<InboxRequest?> GetAsync(string inboxId, string id, CancellationToken cancellationToken)
    {
        var document = await _requests.Find(InboxFilters.ByInboxAndId(inboxId, id)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToRequest();
    }
}
