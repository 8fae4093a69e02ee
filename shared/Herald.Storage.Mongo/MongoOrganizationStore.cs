using Herald.Storage.Mongo.Definitions;
using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo;

/// <summary><see cref="IOrganizationStore"/> on the <c>organizations</c> collection.</summary>
internal sealed class MongoOrganizationStore(IMongoDatabase database) : IOrganizationStore
{
    private readonly IMongoCollection<OrganizationDocument> _organizations =
        database.GetCollection<OrganizationDocument>(MongoCollectionNames.Organizations);

    public async Task<bool> AddAsync(Organization organization, CancellationToken cancellationToken)
    {
        try
        {
            await _organizations.InsertOneAsync(OrganizationDocument.From(organization), options: null, cancellationToken);
            return true;
        }
        catch (MongoWriteException exception) when (MongoErrors.IsDuplicateKey(exception))
        {
            return false;
        }
    }

    public async Task<Organization?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await _organizations.Find(TenantDefinitions.Organization(id)).FirstOrDefaultAsync(cancellationToken))?.ToOrganization();

    public async Task<IReadOnlyList<Organization>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await _organizations.Find(FilterDefinition<OrganizationDocument>.Empty).Sort(TenantDefinitions.OrganizationsOldestFirst()).ToListAsync(cancellationToken))
            .Select(d => d.ToOrganization())];
}
