using System.Diagnostics.Metrics;
using Herald.Delivery;
using Herald.Storage;
using Herald.Storage.Sqlite;
using Herald.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Herald.UnitTests.Delivery;

public sealed class When_the_delivery_backlog_is_sampled
{
    private static readonly DateTimeOffset Start = new(2025, 11, 12, 12, 0, 0, TimeSpan.Zero);
    private TempDatabase database = null!;
    private ServiceProvider services = null!;
    private FakeTimeProvider time = null!;
    private IDeliveryStore deliveries = null!;
    private DeliveryBacklogMonitor monitor = null!;
    private object meterScope = null!;

    private static CancellationToken Ct => TestContext.CurrentContext.CancellationToken;

    [SetUp]
    public async Task StartAsync()
    {
        database = new TempDatabase();
        time = new FakeTimeProvider(Start);
        services = new ServiceCollection().AddMetrics().AddHeraldSqliteStore(database.Path).BuildServiceProvider();
        await services.GetRequiredService<IStoreInitializer>().InitializeAsync(Ct);
        deliveries = services.GetRequiredService<IDeliveryStore>();
        var meters = services.GetRequiredService<IMeterFactory>();
        meterScope = meters;
        monitor = new DeliveryBacklogMonitor(deliveries, time, meters, Options.Create(new DeliveryOptions()), NullLogger<DeliveryBacklogMonitor>.Instance);
    }

    [TearDown]
    public async Task StopAsync()
    {
        monitor.Dispose();
        await services.DisposeAsync();
        database.Dispose();
    }

    [Test]
    public void Should_report_nothing_before_the_first_reading()
    {
        Assert.That(Read(), Is.Empty);
    }

    [Test]
    public async Task Should_report_open_and_due_deliveries_and_how_long_the_oldest_due_one_waited()
    {
        await deliveries.AddIfAbsentAsync(
            [
                Delivery("a", DeliveryState.Retrying, Start.AddSeconds(-90)),
                Delivery("b", DeliveryState.Pending, Start.AddSeconds(-10)),
                Delivery("c", DeliveryState.Retrying, Start.AddMinutes(5)),
                Delivery("d", DeliveryState.Succeeded, null),
            ],
            Ct);

        await monitor.SampleAsync(Ct);
        var first = Read();
        time.Advance(TimeSpan.FromSeconds(30));
        var unchanged = Read();
        await monitor.SampleAsync(Ct);
        var later = Read();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EquivalentTo(new Dictionary<string, double>
            {
                ["herald.deliveries.open"] = 3, ["herald.deliveries.due"] = 2, ["herald.deliveries.due_age"] = 90,
            }));
            Assert.That(unchanged, Is.EquivalentTo(first), "the gauges keep the last reading between samples");
            Assert.That(later["herald.deliveries.due_age"], Is.EqualTo(120));
        }
    }

    [Test]
    public async Task Should_report_a_zero_age_when_nothing_is_due()
    {
        await deliveries.AddIfAbsentAsync([Delivery("later", DeliveryState.Pending, Start.AddMinutes(2))], Ct);

        await monitor.SampleAsync(Ct);

        Assert.That(Read(), Is.EquivalentTo(new Dictionary<string, double>
        {
            ["herald.deliveries.open"] = 1, ["herald.deliveries.due"] = 0, ["herald.deliveries.due_age"] = 0,
        }));
    }

    // Reads this container's gauges only: other tests' monitors report on meters of their own.
    private Dictionary<string, double> Read()
    {
        var values = new Dictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meterScope) && instrument.Name.StartsWith("herald.deliveries.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }

    private static Storage.Delivery Delivery(string id, DeliveryState state, DateTimeOffset? next) => new()
    {
        Id = "dlv_" + id, EventId = "evt_" + id, WebhookId = "wh_1", OrganizationId = "org_1", EventCategory = EventCategories.AuditLogCreation,
        OccurredAt = Start, State = state, AttemptCount = 1, NextAttemptAt = next, CreatedAt = Start, UpdatedAt = Start,
    };
}
