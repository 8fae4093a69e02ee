using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Filters on <c>webhooks</c>; all but <see cref="ById"/> are scoped by organization.</summary>
internal static class WebhookFilters
{
    private static FilterDefinitionBuilder<WebhookDocument> Filter => Builders<WebhookDocument>.Filter;

    public static FilterDefinition<WebhookDocument> ById(string id) => Filter.Eq(w => w.Id, id);

    public static FilterDefinition<WebhookDocument> ByOrganizationAndId(string organizationId, string id) =>
        Filter.Eq(w => w.Id, id) & Filter.Eq(w => w.OrganizationId, organizationId);

    public static FilterDefinition<WebhookDocument> ByOrganization(string organizationId) =>
        Filter.Eq(w => w.OrganizationId, organizationId);

    public static FilterDefinition<WebhookDocument> Subscribed(string organizationId, string eventCategory) =>
        Filter.Eq(w => w.OrganizationId, organizationId)
        & Filter.AnyEq(w => w.EventCategories, eventCategory)
        & (Filter.Eq(w => w.Enabled, true) | Filter.Ne(w => w.DisabledReason, null));

    public static FilterDefinition<WebhookDocument> NotFailing(string id) => Filter.Eq(w => w.Id, id) & Filter.Eq(w => w.FailingSince, null);

    public static FilterDefinition<WebhookDocument> Failing(string id) => Filter.Eq(w => w.Id, id) & Filter.Ne(w => w.FailingSince, null);

    public static FilterDefinition<WebhookDocument> Enabled(string id) => Filter.Eq(w => w.Id, id) & Filter.Eq(w => w.Enabled, true);
}
