using Herald.Contracts;
using Herald.Fanout;
using Herald.Messaging.WebhookChanges;
using Herald.Storage;
using Herald.Storage.Sqlite;
using Herald.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Herald.UnitTests.Fanout;

/// <summary>
/// The fanout consumer on the MassTransit test harness, over a real SQLite file and virtual time.
/// Webhooks written through <see cref="Webhooks"/> are announced, as the api role's are.
/// </summary>
public abstract class FanoutRig
{
    protected const string Organization = "org_1";
    protected static readonly DateTimeOffset Now = new DateTimeOffset(2025, 11, 12, 12, 12, 48, TimeSpan.Zero).AddTicks(6_271_234);
    private TempDatabase database = null!;
    private ServiceProvider provider = null!;
    private readonly ConsumeCounter<AuditLogRecorded> counter = new();

    protected ITestHarness Harness { get; private set; } = null!;
    protected IWebhookStore Webhooks { get; private set; } = null!;
    protected IEventStore Events { get; private set; } = null!;
    protected IDeliveryStore Deliveries { get; private set; } = null!;
    protected static CancellationToken Ct => TestContext.CurrentContext.CancellationToken;

    [SetUp]
    public async Task StartHarness()
    {
        database = new TempDatabase();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
            .AddHeraldSqliteStore(database.Path)
            .AddWebhookChangeAnnouncements();
        services.AddOptions<FanoutOptions>();
        services.AddSingleton<SubscriberCache>();
        services.AddSingleton<IWebhookChangeListener>(sp => sp.GetRequiredService<SubscriberCache>());
        services.AddSingleton<EventFanout>();
        services.AddMassTransitTestHarness(x => x.AddConsumer<AuditLogRecordedConsumer, AuditLogRecordedConsumerDefinition>());
        provider = services.BuildServiceProvider(validateScopes: true);
        await provider.GetRequiredService<IStoreInitializer>().InitializeAsync(Ct);
        Webhooks = provider.GetRequiredService<IWebhookStore>();
        Events = provider.GetRequiredService<IEventStore>();
        Deliveries = provider.GetRequiredService<IDeliveryStore>();
        Harness = provider.GetRequiredService<ITestHarness>();
        Harness.TestTimeout = TimeSpan.FromSeconds(12);
        await Harness.Start();
        Harness.Bus.ConnectConsumeMessageObserver(counter);
    }

    [TearDown]
    public async Task StopHarness()
    {
        await Harness.Stop();
        await provider.DisposeAsync();
        database.Dispose();
    }

    protected static AuditLogRecorded Record(Guid? auditLogId, string organization = Organization) => new()
    {
        AuditLogId = auditLogId,
        OrganizationId = organization,
        Actor = new AuditActor("203.0.113.7", "curl/8.0", "koray"),
        Date = "2025-11-12T12:12:40Z",
        Description = "User is logged in",
        EventCategory = "user",
        EventName = "login",
    };

    protected static Webhook Webhook(string id, string organization = Organization, bool enabled = true, string category = EventCategories.AuditLogCreation) => new()
    {
        Id = id, OrganizationId = organization, Name = id, Url = "https://example.com/" + id, Headers = [],
        EventCategories = [category], Secure = true, Enabled = enabled, Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        CreatedAt = Now, UpdatedAt = Now,
    };

    /// <summary>Publishes with a known message id and waits, bounded, until the consumer finished it.</summary>
    protected async Task PublishAndConsumeAsync(AuditLogRecorded record, Guid messageId)
    {
        var finished = counter.For(messageId);
        await Harness.Bus.Publish(record, context => context.MessageId = messageId, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Harness.Consumed.Any<AuditLogRecorded>(Ct), Is.True, "nothing was consumed");
            Assert.That(await finished.WaitAsync(TimeSpan.FromSeconds(10), Ct), Is.Null, "the consumer failed");
        }
    }

    protected List<DeliverWebhook> SentCommands() =>
        [.. Harness.Sent.Select<DeliverWebhook>(Ct).Select(m => m.Context.Message)];
}
