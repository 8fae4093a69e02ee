using System.Text;
using Herald.Delivery;
using Herald.Messaging;
using Herald.Storage;
using Herald.Storage.Sqlite;
using Herald.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Herald.UnitTests.Delivery;

/// <summary>
/// The delivery role wired as <c>AddHeraldDelivery</c> wires it, over a real SQLite file, virtual
/// time and the MassTransit test harness, sending to a real loopback receiver.
/// </summary>
public abstract class DeliveryRig
{
    protected const string Organization = "org_1";
    protected const string EventId = "evt_96e428f2-b3f8-4247-8e3b-e2a3f563bd05";
    protected static readonly DateTimeOffset T0 = new(2025, 11, 12, 12, 0, 0, TimeSpan.Zero);
    protected static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\"event_id\":\"" + EventId + "\"}");
    private TempDatabase database = null!;
    private IHost host = null!;

    protected FakeTimeProvider Time { get; private set; } = null!;
    protected LoopbackReceiver Receiver { get; private set; } = null!;
    protected IServiceProvider Services => host.Services;
    protected ITestHarness Harness { get; private set; } = null!;
    protected IWebhookStore Webhooks => Services.GetRequiredService<IWebhookStore>();
    protected IDeliveryStore Deliveries => Services.GetRequiredService<IDeliveryStore>();
    protected IAttemptStore Attempts => Services.GetRequiredService<IAttemptStore>();
    protected DeliveryProcessor Processor => Services.GetRequiredService<DeliveryProcessor>();
    protected static CancellationToken Ct => TestContext.CurrentContext.CancellationToken;

    /// <summary>Settings of the <c>Delivery</c> section for this scenario; jitter off so times are exact.</summary>
    protected virtual Dictionary<string, string?> Settings => [];

    /// <summary>Whether the harness bus runs the delivery consumer (off where only sends are observed).</summary>
    protected virtual bool WithConsumer => true;

    [SetUp]
    public async Task StartRig()
    {
        database = new TempDatabase();
        Receiver = await LoopbackReceiver.StartAsync();
        Time = new FakeTimeProvider(T0);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Delivery:RetryJitter"] = "0", ["Security:AllowedNetworks"] = "127.0.0.0/8,::1/128" });
        builder.Configuration.AddInMemoryCollection(Settings);
        var bus = new HeraldBusBuilder();
        builder.AddHeraldDelivery(bus);
        builder.Services.AddHeraldSqliteStore(database.Path);
        builder.Services.AddSingleton<TimeProvider>(Time);
        ConfigureServices(builder.Services);

        // The scheduler's loop and the store initializer are driven by hand here.
        builder.Services.RemoveAll<IHostedService>();
        builder.Services.AddMassTransitTestHarness(x =>
        {
            if (WithConsumer)
            {
                foreach (var registration in bus.Registrations)
                {
                    registration(x);
                }
            }
        });
        host = builder.Build();
        await Services.GetRequiredService<IStoreInitializer>().InitializeAsync(Ct);
        Harness = Services.GetRequiredService<ITestHarness>();
        Harness.TestTimeout = TimeSpan.FromSeconds(20);
        await Harness.Start();
    }

    /// <summary>Replaces services after the delivery role registered its own (such as the host resolver).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    [TearDown]
    public async Task StopRig()
    {
        await Harness.Stop();
        host.Dispose();
        await Receiver.DisposeAsync();
        database.Dispose();
    }

    protected async Task<Webhook> AddWebhookAsync(string url, bool enabled = true, string id = "wh_1")
    {
        var webhook = new Webhook
        {
            Id = id, OrganizationId = Organization, Name = "Receiver", Url = url, Headers = [new("Test", "Webhook")],
            EventCategories = [EventCategories.AuditLogCreation], Secure = false, Enabled = enabled,
            Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", CreatedAt = T0, UpdatedAt = T0,
        };
        await Webhooks.AddAsync(webhook, Ct);
        return webhook;
    }

    protected async Task<Storage.Delivery> AddDeliveryAsync(
        string webhookId = "wh_1", DeliveryState state = DeliveryState.Pending, int attempts = 0, DateTimeOffset? nextAttemptAt = null, string eventId = EventId)
    {
        var events = Services.GetRequiredService<IEventStore>();
        await events.AddIfAbsentAsync(new WebhookEvent
        {
            Id = eventId, OrganizationId = Organization, Category = EventCategories.AuditLogCreation,
            OccurredAt = T0, Payload = Payload, CreatedAt = T0,
        }, Ct);
        var delivery = new Storage.Delivery
        {
            Id = Ids.Delivery(eventId, webhookId), EventId = eventId, WebhookId = webhookId, OrganizationId = Organization,
            EventCategory = EventCategories.AuditLogCreation, OccurredAt = T0, State = state, AttemptCount = attempts,
            NextAttemptAt = nextAttemptAt ?? T0.AddMinutes(2), CreatedAt = T0, UpdatedAt = T0,
        };
        await Deliveries.AddIfAbsentAsync([delivery], Ct);
        return delivery;
    }

    protected async Task<Storage.Delivery> StoredAsync(string deliveryId) =>
        await Deliveries.GetAsync(deliveryId, Ct) ?? throw new AssertionException($"delivery {deliveryId} is not stored");
}
