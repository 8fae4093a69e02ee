using Herald.Fanout;
using Herald.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Herald.UnitTests.Fanout;

public sealed class When_fan_out_looks_up_subscribers
{
    private const string Category = EventCategories.AuditLogCreation;
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 11, 12, 12, 0, 0, TimeSpan.Zero));
    private SubscriptionStore store = null!;
    private SubscriberCache cache = null!;

    private static CancellationToken Ct => TestContext.CurrentContext.CancellationToken;

    [SetUp]
    public void CreateCache()
    {
        store = new SubscriptionStore();
        cache = Cache(Ttl);
    }

    [Test]
    public async Task Should_read_the_store_once_while_the_entry_is_fresh()
    {
        store.Subscribe("org_1", "wh_a");

        var first = await cache.ListAsync("org_1", Category, Ct);
        time.Advance(Ttl - TimeSpan.FromSeconds(1));
        var second = await cache.ListAsync("org_1", Category, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Reads, Is.EqualTo(1));
            Assert.That(second, Is.EqualTo(first));
            Assert.That(second, Is.EqualTo(new[] { new Subscriber("wh_a", true) }));
        }
    }

    [Test]
    public async Task Should_read_the_store_again_once_the_entry_expired()
    {
        store.Subscribe("org_1", "wh_a");
        await cache.ListAsync("org_1", Category, Ct);
        store.Subscribe("org_1", "wh_b");

        time.Advance(Ttl);
        var after = await cache.ListAsync("org_1", Category, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Reads, Is.EqualTo(2));
            Assert.That(after.Select(s => s.Id), Is.EqualTo(new[] { "wh_a", "wh_b" }));
        }
    }

    [Test]
    public async Task Should_read_the_store_again_after_the_organizations_webhooks_changed()
    {
        store.Subscribe("org_1", "wh_a");
        store.Subscribe("org_2", "wh_x");
        await cache.ListAsync("org_1", Category, Ct);
        await cache.ListAsync("org_2", Category, Ct);
        store.Subscribe("org_1", "wh_b", enabled: false);

        cache.Invalidate("org_1");
        var changed = await cache.ListAsync("org_1", Category, Ct);
        var untouched = await cache.ListAsync("org_2", Category, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Reads, Is.EqualTo(3), "org_2 should still come from the cache");
            Assert.That(changed, Is.EqualTo(new[] { new Subscriber("wh_a", true), new Subscriber("wh_b", false) }));
            Assert.That(untouched.Select(s => s.Id), Is.EqualTo(new[] { "wh_x" }));
            Assert.That(cache.IsCached("org_1", Category), Is.True);
        }
    }

    [Test]
    public async Task Should_keep_each_category_apart()
    {
        store.Subscribe("org_1", "wh_a");
        store.Subscribe("org_1", "wh_ops", category: EventCategories.WebhookDisabled);

        var audit = await cache.ListAsync("org_1", Category, Ct);
        var operational = await cache.ListAsync("org_1", EventCategories.WebhookDisabled, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(audit.Select(s => s.Id), Is.EqualTo(new[] { "wh_a" }));
            Assert.That(operational.Select(s => s.Id), Is.EqualTo(new[] { "wh_ops" }));
            Assert.That(store.Reads, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Should_not_keep_a_read_that_a_change_overtook()
    {
        store.Subscribe("org_1", "wh_a");
        var gate = store.HoldNextRead();
        var reading = cache.ListAsync("org_1", Category, Ct);

        // The change lands while the first read is under way; that read saw the old state.
        cache.Invalidate("org_1");
        store.Subscribe("org_1", "wh_b");
        gate.SetResult();
        var stale = await reading;
        var next = await cache.ListAsync("org_1", Category, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stale.Select(s => s.Id), Is.EqualTo(new[] { "wh_a" }));
            Assert.That(next.Select(s => s.Id), Is.EqualTo(new[] { "wh_a", "wh_b" }));
            Assert.That(store.Reads, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Should_read_the_store_every_time_when_the_ttl_is_zero()
    {
        cache = Cache(TimeSpan.Zero);
        store.Subscribe("org_1", "wh_a");

        await cache.ListAsync("org_1", Category, Ct);
        await cache.ListAsync("org_1", Category, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Reads, Is.EqualTo(2));
            Assert.That(cache.IsCached("org_1", Category), Is.False);
        }
    }

    [Test]
    public async Task Should_start_over_when_it_holds_more_organizations_than_allowed()
    {
        cache = Cache(Ttl, organizations: 2);
        foreach (var org in new[] { "org_1", "org_2", "org_3" })
        {
            store.Subscribe(org, "wh_" + org);
            await cache.ListAsync(org, Category, Ct);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cache.IsCached("org_1", Category), Is.False);
            Assert.That(cache.IsCached("org_3", Category), Is.False);
        }
    }

    private SubscriberCache Cache(TimeSpan ttl, int organizations = 100) =>
        new(store, time, Options.Create(new FanoutOptions { WebhookCacheTtl = ttl, WebhookCacheOrganizations = organizations }));
}
