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
    public void Should_match_enabled_or_herald_disabled_webhooks_whose_categories_contain_the_event_category() =>
        AssertRenders(
            Filter(WebhookFilters.Subscribed("org_1", "audit_log_creation")),
            """{ organization_id: "org_1", event_categories: "audit_log_creation", $or: [{ enabled: true }, { disabled_reason: { $ne: null } }] }""");
}

public sealed class When_tracking_webhook_health
{
    [Test]
    public void Should_start_a_failing_run_only_once() =>
        AssertRenders(Filter(WebhookFilters.NotFailing("wh_1")), """{ _id: "wh_1", failing_since: null }""");

    [Test]
    public void Should_clear_only_a_failing_run() =>
        AssertRenders(Filter(WebhookFilters.Failing("wh_1")), """{ _id: "wh_1", failing_since: { $ne: null } }""");

    [Test]
    public void Should_disable_only_an_enabled_webhook_with_its_reason()
    {
        AssertRenders(Filter(WebhookFilters.Enabled("wh_1")), """{ _id: "wh_1", enabled: true }""");
        AssertRenders(
            Update(WebhookUpdates.Disable("gone", 42)),
            """{ $set: { enabled: false, disabled_reason: "gone", disabled_at: NumberLong(42), updated_at: NumberLong(42) } }""");
        AssertRenders(Update(WebhookUpdates.Failing(7)), """{ $set: { failing_since: NumberLong(7) } }""");
        AssertRenders(Update(WebhookUpdates.Healthy()), """{ $set: { failing_since: null } }""");
    }
}
