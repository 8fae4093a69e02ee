using Herald.Storage.Mongo.Definitions;
using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo;

/// <summary><see cref="IInboxStore"/> on the <c>inboxes</c> and <c>inbox_requests</c> collections.</summary>
internal sealed class MongoInboxStore(IMongoDatabase database) : IInboxStore
{
    private readonly IMongoCollection<InboxDocument> _inboxes =
        database.GetCollection<InboxDocument>(MongoCollectionNames.Inboxes);

    private readonly IMongoCollection<InboxRequestDocument> _requests =
        database.GetCollection<InboxRequestDocument>(MongoCollectionNames.InboxRequests);

    public Task CreateInboxAsync(Inbox inbox, CancellationToken cancellationToken) =>
        _inboxes.InsertOneAsync(InboxDocument.From(inbox), options: null, cancellationToken);

    public async Task<bool> InboxExistsAsync(string inboxId, CancellationToken cancellationToken) =>
        await _inboxes.Find(InboxDefinitions.ById(inboxId)).Limit(1).CountDocumentsAsync(cancellationToken) > 0;

    public async Task<IReadOnlyList<InboxSummary>> ListInboxesAsync(string organizationId, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return [];
        }

        var inboxes = await _inboxes.Find(InboxDefinitions.OfOrganization(organizationId))
            .Sort(InboxDefinitions.NewestFirst())
            .Limit(limit)
            .ToListAsync(cancellationToken);
        if (inboxes.Count == 0)
        {
            return [];
        }

        using var cursor = await _requests.AggregateAsync(InboxDefinitions.Activity(inboxes.Select(i => i.Id)), options: null, cancellationToken);
        var activity = (await cursor.ToListAsync(cancellationToken)).ToDictionary(a => a.InboxId, StringComparer.Ordinal);
        return [.. inboxes.Select(inbox => inbox.ToSummary(activity.GetValueOrDefault(inbox.Id)))];
    }

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
