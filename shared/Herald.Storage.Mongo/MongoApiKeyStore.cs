using Herald.Storage.Mongo.Definitions;
using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo;

/// <summary><see cref="IApiKeyStore"/> on the <c>api_keys</c> collection.</summary>
internal sealed class MongoApiKeyStore(IMongoDatabase database) : IApiKeyStore
{
    private readonly IMongoCollection<ApiKeyDocument> _keys = database.GetCollection<ApiKeyDocument>(MongoCollectionNames.ApiKeys);

    public Task AddAsync(ApiKey key, CancellationToken cancellationToken) =>
        _keys.InsertOneAsync(ApiKeyDocument.From(key), options: null, cancellationToken);

    public async Task<ApiKey?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await _keys.Find(TenantDefinitions.Key(id)).FirstOrDefaultAsync(cancellationToken))?.ToApiKey();

    public async Task<IReadOnlyList<ApiKey>> ListAsync(string organizationId, CancellationToken cancellationToken) =>
        [.. (await _keys.Find(TenantDefinitions.KeysOf(organizationId)).Sort(TenantDefinitions.KeysOldestFirst()).ToListAsync(cancellationToken))
            .Select(d => d.ToApiKey())];

    public async Task<bool> RevokeAsync(string organizationId, string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var result = await _keys.UpdateOneAsync(TenantDefinitions.ActiveKeyOf(organizationId, id), TenantDefinitions.Revoke(MongoTime.ToTicks(at)), options: null, cancellationToken);
        return result.ModifiedCount == 1;
    }
}
