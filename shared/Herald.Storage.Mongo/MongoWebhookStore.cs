using Herald.Storage.Mongo.Definitions;
using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo;

/// <summary><see cref="IWebhookStore"/> on the <c>webhooks</c> collection.</summary>
internal sealed class MongoWebhookStore(IMongoDatabase database) : IWebhookStore
{
    private readonly IMongoCollection<WebhookDocument> _webhooks =
        database.GetCollection<WebhookDocument>(MongoCollectionNames.Webhooks);

    public Task AddAsync(Webhook webhook, CancellationToken cancellationToken) =>
        _webhooks.InsertOneAsync(WebhookDocument.From(webhook), options: null, cancellationToken);

    public async Task<Webhook?> GetAsync(string organizationId, string id, CancellationToken cancellationToken)
    {
        var document = await _webhooks.Find(WebhookFilters.ByOrganizationAndId(organizationId, id))
            .FirstOrDefaultAsync(cancellationToken);
        return document?.ToWebhook();
    }

    public async Task<Webhook?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var document = await _webhooks.Find(WebhookFilters.ById(id)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToWebhook();
    }

    public async Task<IReadOnlyList<Webhook>> ListAsync(string organizationId, CancellationToken cancellationToken)
    {
        var documents = await _webhooks.Find(WebhookFilters.ByOrganization(organizationId))
            .Sort(WebhookSorts.OldestFirst())
            .ToListAsync(cancellationToken);
        return [.. documents.Select(document => document.ToWebhook())];
    }

    public async Task<IReadOnlyList<Webhook>> ListSubscribedAsync(string organizationId, string eventCategory, CancellationToken cancellationToken)
    {
        var documents = await _webhooks.Find(WebhookFilters.Subscribed(organizationId, eventCategory))
            .Sort(WebhookSorts.OldestFirst())
            .ToListAsync(cancellationToken);
        return [.. documents.Select(document => document.ToWebhook())];
    }

    public async Task<bool> UpdateAsync(Webhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var result = await _webhooks.ReplaceOneAsync(
            WebhookFilters.ByOrganizationAndId(webhook.OrganizationId, webhook.Id),
            WebhookDocument.From(webhook),
            new ReplaceOptions { IsUpsert = false },
            cancellationToken);
        return result.MatchedCount == 1;
    }

    public Task MarkFailingAsync(string id, DateTimeOffset since, CancellationToken cancellationToken) =>
        _webhooks.UpdateOneAsync(WebhookFilters.NotFailing(id), WebhookUpdates.Failing(MongoTime.ToTicks(since)), options: null, cancellationToken);

    public Task MarkHealthyAsync(string id, CancellationToken cancellationToken) =>
        _webhooks.UpdateOneAsync(WebhookFilters.Failing(id), WebhookUpdates.Healthy(), options: null, cancellationToken);

    public async Task<bool> DisableAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var result = await _webhooks.UpdateOneAsync(WebhookFilters.Enabled(id), WebhookUpdates.Disable(reason, MongoTime.ToTicks(at)), options: null, cancellationToken);
        return result.ModifiedCount == 1;
    }

    public async Task<bool> DeleteAsync(string organizationId, string id, CancellationToken cancellationToken)
    {
        var result = await _webhooks.DeleteOneAsync(WebhookFilters.ByOrganizationAndId(organizationId, id), cancellationToken);
        return result.DeletedCount == 1;
    }
}
