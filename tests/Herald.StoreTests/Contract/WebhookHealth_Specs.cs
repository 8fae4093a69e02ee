using Herald.Storage;
using static Herald.StoreTests.Contract.StoredRecords;
using static Herald.StoreTests.Contract.TestData;

namespace Herald.StoreTests.Contract;

public abstract class When_tracking_webhook_health(IStoreTestEngine engine) : StoreContract(engine)
{
    [Test]
    public async Task Should_round_trip_the_health_and_rotation_fields()
    {
        var webhook = Webhook("wh_1", T0) with
        {
            Enabled = false, DisabledReason = "the endpoint answered 410 Gone", DisabledAt = At(3), FailingSince = At(1),
            PreviousSecret = "whsec_b2xkIHNlY3JldA==", PreviousSecretExpiresAt = At(9),
        };
        await Webhooks.AddAsync(webhook, Ct);

        AssertSame(await Webhooks.FindAsync("wh_1", Ct), webhook);
    }

    [Test]
    public async Task Should_keep_the_start_of_a_failing_run_and_clear_it_on_success()
    {
        await Webhooks.AddAsync(Webhook("wh_1", T0), Ct);

        await Webhooks.MarkFailingAsync("wh_1", At(1), Ct);
        await Webhooks.MarkFailingAsync("wh_1", At(2), Ct);
        Assert.That((await Webhooks.FindAsync("wh_1", Ct))!.FailingSince, Is.EqualTo(At(1)));

        await Webhooks.MarkHealthyAsync("wh_1", Ct);
        Assert.That((await Webhooks.FindAsync("wh_1", Ct))!.FailingSince, Is.Null);
    }

    [Test]
    public async Task Should_disable_an_enabled_webhook_once()
    {
        await Webhooks.AddAsync(Webhook("wh_1", T0), Ct);

        Assert.That(await Webhooks.DisableAsync("wh_1", "gone", At(4), Ct), Is.True);
        Assert.That(await Webhooks.DisableAsync("wh_1", "again", At(5), Ct), Is.False);

        var stored = await Webhooks.FindAsync("wh_1", Ct);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored!.Enabled, Is.False);
            Assert.That(stored.DisabledReason, Is.EqualTo("gone"));
            Assert.That(stored.DisabledAt, Is.EqualTo(At(4)));
            Assert.That(stored.Name, Is.EqualTo("Hook wh_1"), "nothing else changes");
        }
    }

    [Test]
    public async Task Should_not_disable_a_webhook_an_admin_disabled()
    {
        await Webhooks.AddAsync(Webhook("wh_1", T0) with { Enabled = false }, Ct);

        Assert.That(await Webhooks.DisableAsync("wh_1", "gone", At(4), Ct), Is.False);
        Assert.That((await Webhooks.FindAsync("wh_1", Ct))!.DisabledReason, Is.Null);
    }

    [Test]
    public async Task Should_list_webhooks_herald_disabled_as_subscribed_but_not_those_an_admin_disabled()
    {
        await Webhooks.AddAsync(Webhook("wh_enabled", At(1)), Ct);
        await Webhooks.AddAsync(Webhook("wh_herald_disabled", At(2)) with { Enabled = false, DisabledReason = "gone", DisabledAt = At(2) }, Ct);
        await Webhooks.AddAsync(Webhook("wh_admin_disabled", At(3)) with { Enabled = false }, Ct);

        var subscribed = await Webhooks.ListSubscribedAsync(TestData.Organization, Category, Ct);

        Assert.That(subscribed.Select(w => w.Id), Is.EqualTo(new[] { "wh_enabled", "wh_herald_disabled" }));
    }
}
