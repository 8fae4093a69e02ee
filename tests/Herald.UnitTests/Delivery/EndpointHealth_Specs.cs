using Herald.Contracts;
using Herald.Delivery;
using Herald.Storage;
using Herald.Storage.Sqlite;
using Herald.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Herald.UnitTests.Delivery;

public sealed class When_tracking_endpoint_health
{
    private static readonly DateTimeOffset Start = new(2025, 11, 12, 12, 0, 0, TimeSpan.Zero);
    private TempDatabase database = null!;
    private ServiceProvider services = null!;
    private FakeTimeProvider time = null!;
    private ITestHarness harness = null!;

    private IWebhookStore Webhooks => services.GetRequiredService<IWebhookStore>();
    private IDeliveryStore Deliveries => services.GetRequiredService<IDeliveryStore>();
    private EndpointHealth Health => services.GetRequiredService<EndpointHealth>();

    [SetUp]
    public async Task SetUp()
    {
        database = new TempDatabase();
        time = new FakeTimeProvider(Start);
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddHeraldSqliteStore(database.Path)
            .AddSingleton<EndpointHealth>()
            .Configure<DeliveryOptions>(o => o.DisableAfter = TimeSpan.FromDays(5))
            .AddMassTransitTestHarness()
            .BuildServiceProvider(validateScopes: true);
        await services.GetRequiredService<IStoreInitializer>().InitializeAsync(CancellationToken.None);
        harness = services.GetRequiredService<ITestHarness>();
        await harness.Start();
        await Webhooks.AddAsync(Webhook(), CancellationToken.None);
        await Deliveries.AddIfAbsentAsync([Delivery("msg_a", DeliveryState.Retrying), Delivery("msg_b", DeliveryState.Pending), Delivery("msg_c", DeliveryState.Succeeded)], CancellationToken.None);
    }

    [TearDown]
    public async Task TearDown()
    {
        await harness.Stop();
        await services.DisposeAsync();
        database.Dispose();
    }

    [Test]
    public async Task Should_remember_when_failures_started_and_forget_it_on_success()
    {
        Assert.That(await Health.RecordAsync(await Current(), Failure(500), CancellationToken.None), Is.False);
        Assert.That((await Current()).FailingSince, Is.EqualTo(Start));

        time.Advance(TimeSpan.FromDays(1));
        await Health.RecordAsync(await Current(), Failure(500), CancellationToken.None);
        Assert.That((await Current()).FailingSince, Is.EqualTo(Start), "a later failure keeps the start of the run");

        await Health.RecordAsync(await Current(), AttemptOutcomeData.Answer(200), CancellationToken.None);
        Assert.That((await Current()).FailingSince, Is.Null);
    }

    [Test]
    public async Task Should_disable_after_failing_for_the_configured_period_and_park_its_deliveries()
    {
        await Health.RecordAsync(await Current(), Failure(500), CancellationToken.None);
        time.Advance(TimeSpan.FromDays(5) - TimeSpan.FromSeconds(1));
        Assert.That(await Health.RecordAsync(await Current(), Failure(500), CancellationToken.None), Is.False, "not yet five days");

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await Health.RecordAsync(await Current(), Failure(500), CancellationToken.None), Is.True);

        var webhook = await Current();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(webhook.Enabled, Is.False);
            Assert.That(webhook.DisabledReason, Does.Contain("no successful delivery since 2025-11-12 12:00:00Z"));
            Assert.That(webhook.DisabledAt, Is.EqualTo(Start + TimeSpan.FromDays(5)));
            Assert.That((await Deliveries.GetAsync("msg_a", CancellationToken.None))!.State, Is.EqualTo(DeliveryState.Parked));
            Assert.That((await Deliveries.GetAsync("msg_b", CancellationToken.None))!.State, Is.EqualTo(DeliveryState.Parked));
            Assert.That((await Deliveries.GetAsync("msg_c", CancellationToken.None))!.State, Is.EqualTo(DeliveryState.Succeeded));
        }

        Assert.That(await harness.Published.Any<WebhookDisabled>(m => m.Context.Message.WebhookId == "wh_health"), Is.True);
    }

    [Test]
    public async Task Should_disable_at_once_on_410_and_publish_one_event()
    {
        Assert.That(await Health.RecordAsync(await Current(), Failure(410), CancellationToken.None), Is.True);
        Assert.That(await Health.RecordAsync(await Current(), Failure(410), CancellationToken.None), Is.True, "still disabled");

        Assert.That((await Current()).DisabledReason, Is.EqualTo("the endpoint answered 410 Gone"));
        Assert.That(await harness.Published.Any<WebhookDisabled>(), Is.True);
        Assert.That(harness.Published.Select<WebhookDisabled>().Count(), Is.EqualTo(1), "only the call that disabled it reports it");
    }

    private async Task<Webhook> Current() => (await Webhooks.FindAsync("wh_health", CancellationToken.None))!;

    private SendResult Failure(int status) => AttemptOutcomeData.Answer(status) with { StartedAt = time.GetUtcNow() };

    private static Webhook Webhook() => new()
    {
        Id = "wh_health", OrganizationId = "org_1", Name = "health", Url = "https://example.test/hook", Headers = [],
        EventCategories = [EventCategories.AuditLogCreation], Secure = true, Enabled = true, Secret = "whsec_AAAA",
        CreatedAt = Start, UpdatedAt = Start,
    };

    private static Storage.Delivery Delivery(string id, DeliveryState state) => new()
    {
        Id = id, EventId = "evt_" + id, WebhookId = "wh_health", OrganizationId = "org_1", EventCategory = EventCategories.AuditLogCreation,
        OccurredAt = Start, State = state, AttemptCount = 1, NextAttemptAt = state is DeliveryState.Succeeded ? null : Start, CreatedAt = Start, UpdatedAt = Start,
    };
}
