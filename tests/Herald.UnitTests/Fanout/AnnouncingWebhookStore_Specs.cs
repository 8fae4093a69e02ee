using Herald.Contracts;
using Herald.Messaging.WebhookChanges;
using Herald.Storage;
using Herald.Storage.Sqlite;
using Herald.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.UnitTests.Fanout;

public sealed class When_an_organizations_webhooks_change
{
    private static readonly DateTimeOffset Now = new(2025, 11, 12, 12, 0, 0, TimeSpan.Zero);
    private readonly List<string> heard = [];
    private TempDatabase database = null!;
    private ServiceProvider provider = null!;
    private ITestHarness harness = null!;
    private IWebhookStore webhooks = null!;

    private static CancellationToken Ct => TestContext.CurrentContext.CancellationToken;

    [SetUp]
    public async Task StartAsync()
    {
        heard.Clear();
        database = new TempDatabase();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddHeraldSqliteStore(database.Path)
            .AddWebhookChangeAnnouncements()
            .AddSingleton<IWebhookChangeListener>(new Listener(heard));
        services.AddMassTransitTestHarness();
        provider = services.BuildServiceProvider(validateScopes: true);
        await provider.GetRequiredService<IStoreInitializer>().InitializeAsync(Ct);
        webhooks = provider.GetRequiredService<IWebhookStore>();
        harness = provider.GetRequiredService<ITestHarness>();
        harness.TestTimeout = TimeSpan.FromSeconds(10);
        await harness.Start();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await harness.Stop();
        await provider.DisposeAsync();
        database.Dispose();
    }

    [Test]
    public async Task Should_announce_a_new_webhook_here_and_on_the_bus()
    {
        await webhooks.AddAsync(Webhook("wh_a", "org_1"), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(heard, Is.EqualTo(new[] { "org_1" }));
            Assert.That(Announced(), Is.EqualTo(new[] { new WebhooksChanged("org_1") }));
        }
    }

    [Test]
    public async Task Should_announce_an_edit_a_deletion_and_Heralds_own_disabling()
    {
        await webhooks.AddAsync(Webhook("wh_a", "org_1"), Ct);
        await webhooks.AddAsync(Webhook("wh_b", "org_2"), Ct);

        var updated = await webhooks.UpdateAsync(Webhook("wh_a", "org_1") with { Name = "renamed" }, Ct);
        var disabled = await webhooks.DisableAsync("wh_b", "410 Gone", Now, Ct);
        var deleted = await webhooks.DeleteAsync("org_1", "wh_a", Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((updated, disabled, deleted), Is.EqualTo((true, true, true)));
            Assert.That(heard, Is.EqualTo(new[] { "org_1", "org_2", "org_1", "org_2", "org_1" }));
            Assert.That(Announced().Select(m => m.OrganizationId), Is.EqualTo(heard));
        }
    }

    [Test]
    public async Task Should_announce_nothing_when_nothing_changed()
    {
        await webhooks.AddAsync(Webhook("wh_a", "org_1"), Ct);
        await webhooks.DisableAsync("wh_a", "410 Gone", Now, Ct);
        heard.Clear();
        var before = Announced().Count;

        var updated = await webhooks.UpdateAsync(Webhook("wh_missing", "org_1"), Ct);
        var foreign = await webhooks.DeleteAsync("org_2", "wh_a", Ct);
        var again = await webhooks.DisableAsync("wh_a", "410 Gone", Now, Ct);
        await webhooks.MarkFailingAsync("wh_a", Now, Ct);
        await webhooks.MarkHealthyAsync("wh_a", Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((updated, foreign, again), Is.EqualTo((false, false, false)));
            Assert.That(heard, Is.Empty);
            Assert.That(Announced(), Has.Count.EqualTo(before));
        }
    }

    // The harness records a publish before Publish returns, so no wait is needed.
    private List<WebhooksChanged> Announced() =>
        [.. harness.Published.Select<WebhooksChanged>(Ct).Select(m => m.Context.Message)];

    private static Webhook Webhook(string id, string organization) => new()
    {
        Id = id, OrganizationId = organization, Name = id, Url = "https://example.com/" + id, Headers = [],
        EventCategories = [EventCategories.AuditLogCreation], Secure = true, Enabled = true,
        Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", CreatedAt = Now, UpdatedAt = Now,
    };

    private sealed class Listener(List<string> heard) : IWebhookChangeListener
    {
        public void Invalidate(string organizationId) => heard.Add(organizationId);
    }
}
