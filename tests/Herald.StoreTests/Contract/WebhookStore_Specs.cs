using static Herald.StoreTests.Contract.StoredRecords;
using static Herald.StoreTests.Contract.TestData;

namespace Herald.StoreTests.Contract;

public abstract class When_storing_webhooks(IStoreTestEngine engine) : StoreContract(engine)
{
    [Test]
    public async Task Should_round_trip_every_field()
    {
        var webhook = Webhook("wh_1", T0) with { Secure = false, Enabled = false, EventCategories = ["z_last", "a_first"] };
        await Webhooks.AddAsync(webhook, Ct);

        AssertSame(await Webhooks.GetAsync(Organization, "wh_1", Ct), webhook);
    }

    [Test]
    public async Task Should_not_get_another_organizations_webhook()
    {
        await Webhooks.AddAsync(Webhook("wh_1", T0), Ct);

        Assert.That(await Webhooks.GetAsync(OtherOrganization, "wh_1", Ct), Is.Null);
    }

    [Test]
    public async Task Should_find_a_webhook_whatever_its_organization()
    {
        var webhook = Webhook("wh_1", T0, OtherOrganization);
        await Webhooks.AddAsync(webhook, Ct);

        AssertSame(await Webhooks.FindAsync("wh_1", Ct), webhook);
        Assert.That(await Webhooks.FindAsync("wh_missing", Ct), Is.Null);
    }

    [Test]
    public async Task Should_list_the_organizations_webhooks_oldest_first()
    {
        await Webhooks.AddAsync(Webhook("wh_b", At(2)), Ct);
        await Webhooks.AddAsync(Webhook("wh_other", At(0), OtherOrganization), Ct);
        await Webhooks.AddAsync(Webhook("wh_c", At(3)), Ct);
        await Webhooks.AddAsync(Webhook("wh_a", At(1)), Ct);

        var listed = await Webhooks.ListAsync(Organization, Ct);

        Assert.That(listed.Select(w => w.Id), Is.EqualTo(new[] { "wh_a", "wh_b", "wh_c" }));
        AssertSame(listed[0], Webhook("wh_a", At(1)));
    }

    [Test]
    public async Task Should_list_only_enabled_webhooks_of_the_organization_subscribed_to_the_category()
    {
        await Webhooks.AddAsync(Webhook("wh_match_2", At(2)), Ct);
        await Webhooks.AddAsync(Webhook("wh_match_1", At(1)) with { EventCategories = ["user_created", Category] }, Ct);
        await Webhooks.AddAsync(Webhook("wh_disabled", At(3)) with { Enabled = false }, Ct);
        await Webhooks.AddAsync(Webhook("wh_other_org", At(4), OtherOrganization), Ct);
        await Webhooks.AddAsync(Webhook("wh_other_category", At(5)) with { EventCategories = ["user_created"] }, Ct);
        await Webhooks.AddAsync(Webhook("wh_prefix_only", At(6)) with { EventCategories = ["audit_log"] }, Ct);
        await Webhooks.AddAsync(Webhook("wh_longer", At(7)) with { EventCategories = [Category + "_v2"] }, Ct);
        await Webhooks.AddAsync(Webhook("wh_none", At(8)) with { EventCategories = [] }, Ct);

        var subscribed = await Webhooks.ListSubscribedAsync(Organization, Category, Ct);

        Assert.That(subscribed.Select(w => w.Id), Is.EquivalentTo(new[] { "wh_match_1", "wh_match_2" }));
    }

    [Test]
    public async Task Should_replace_every_field_on_update()
    {
        await Webhooks.AddAsync(Webhook("wh_1", T0), Ct);
        var changed = Webhook("wh_1", T0) with
        {
            Name = "Renamed",
            Url = "http://other.example.net/in",
            Headers = [new("X-Only", "one")],
            EventCategories = ["user_deleted"],
            Secure = false,
            Enabled = false,
            Secret = "whsec_cm90YXRlZA==",
            CreatedAt = At(-1),
            UpdatedAt = At(30),
        };

        Assert.That(await Webhooks.UpdateAsync(changed, Ct), Is.True);

        AssertSame(await Webhooks.GetAsync(Organization, "wh_1", Ct), changed);
    }

    [Test]
    public async Task Should_not_update_a_missing_webhook()
    {
        Assert.That(await Webhooks.UpdateAsync(Webhook("wh_missing", T0), Ct), Is.False);
        Assert.That(await Webhooks.FindAsync("wh_missing", Ct), Is.Null);
    }

    [Test]
    public async Task Should_not_update_another_organizations_webhook()
    {
        var original = Webhook("wh_1", T0);
        await Webhooks.AddAsync(original, Ct);

        var updated = await Webhooks.UpdateAsync(Webhook("wh_1", T0, OtherOrganization) with { Name = "Hijacked" }, Ct);

        Assert.That(updated, Is.False);
        AssertSame(await Webhooks.FindAsync("wh_1", Ct), original);
    }

    [Test]
    public async Task Should_delete_the_organizations_webhook_once()
    {
        await Webhooks.AddAsync(Webhook("wh_1", T0), Ct);

        Assert.That(await Webhooks.DeleteAsync(Organization, "wh_1", Ct), Is.True);
        Assert.That(await Webhooks.FindAsync("wh_1", Ct), Is.Null);
        Assert.That(await Webhooks.DeleteAsync(Organization, "wh_1", Ct), Is.False);
    }

    [Test]
    public async Task Should_not_delete_another_organizations_webhook()
    {
        var original = Webhook("wh_1", T0);
        await Webhooks.AddAsync(original, Ct);

        Assert.That(await Webhooks.DeleteAsync(OtherOrganization, "wh_1", Ct), Is.False);
        AssertSame(await Webhooks.FindAsync("wh_1", Ct), original);
    }
}
