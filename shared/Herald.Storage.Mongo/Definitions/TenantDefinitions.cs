using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Filters, sorts and updates on <c>organizations</c> and <c>api_keys</c>.</summary>
internal static class TenantDefinitions
{
    public static FilterDefinition<OrganizationDocument> Organization(string id) => Builders<OrganizationDocument>.Filter.Eq(o => o.Id, id);

    public static SortDefinition<OrganizationDocument> OrganizationsOldestFirst() =>
        Builders<OrganizationDocument>.Sort.Ascending(o => o.CreatedAt).Ascending(o => o.Id);

    public static FilterDefinition<ApiKeyDocument> Key(string id) => Builders<ApiKeyDocument>.Filter.Eq(k => k.Id, id);

    public static FilterDefinition<ApiKeyDocument> KeysOf(string organizationId) => Builders<ApiKeyDocument>.Filter.Eq(k => k.OrganizationId, organizationId);

    public static SortDefinition<ApiKeyDocument> KeysOldestFirst() => Builders<ApiKeyDocument>.Sort.Ascending(k => k.CreatedAt).Ascending(k => k.Id);

    public static FilterDefinition<ApiKeyDocument> ActiveKeyOf(string organizationId, string id) =>
        Builders<ApiKeyDocument>.Filter.Eq(k => k.Id, id)
        & Builders<ApiKeyDocument>.Filter.Eq(k => k.OrganizationId, organizationId)
        & Builders<ApiKeyDocument>.Filter.Eq(k => k.RevokedAt, null);

    public static UpdateDefinition<ApiKeyDocument> Revoke(long atTicks) => Builders<ApiKeyDocument>.Update.Set(k => k.RevokedAt, atTicks);
}
