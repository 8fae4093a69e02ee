using Herald.Storage.Mongo.Definitions;
using static Herald.StoreTests.Mongo.MongoRender;

namespace Herald.StoreTests.Mongo;

public sealed class When_scoping_webhooks_by_organization
{
    [Test]
    public void Should_match_the_id_within_the_organization() =>
        AssertRenders(
            Filter(WebhookFilters.ByOrganizationAndId("org_1", "wh_1")),
            """{ _id: "wh_1", organization_id: "org_1" }""");

    [Test]
    public void Should_find_by_id_alone_for_the_delivery_role() =>
        AssertRenders(Filter(WebhookFilters.ById("wh_1")), """{ _id: "wh_1" }""");

    [Test]
    public void Should_list_the_organization_oldest_first_with_ties_by_id()
    {
        AssertRenders(Filter(WebhookFilters.ByOrganization("org_1")), """{ organization_id: "org_1" }""");
        AssertRenders(Sort(WebhookSorts.OldestFirst()), """{ created_at: 1, _id: 1 }""");
    }
}

public sealed class When_listing_subscribed_webhooks
{
    [Test]
    public void Should_match_enabled_webhooks_whose_categories_contain_the_event_category() =>
        AssertRenders(
            Filter(WebhookFilters.Subscribed("org_1", "audit_log_creation")),
            """{ organization_id: "org_1", event_categories: "audit_log_creation", enabled: true }""");
}
