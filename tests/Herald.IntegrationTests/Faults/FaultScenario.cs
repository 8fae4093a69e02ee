using System.Diagnostics;
using System.Globalization;
using Herald.IntegrationTests.Support;
using Herald.Testing;

namespace Herald.IntegrationTests.Faults;

/// <summary>
/// One fault scenario: <c>herald --roles ingest,api</c>, <c>--roles fanout</c> and two
/// <c>--roles delivery</c> as separate processes on their own RabbitMQ virtual host and one SQLite
/// file, two webhooks of one organization on a <see cref="LedgerEndpoint"/>, N records published
/// while a fault is injected, then the <see cref="DeliveryLedger"/> of the run.
/// </summary>
public sealed class FaultScenario : IAsyncDisposable
{
    /// <summary>The command that runs the scenarios larger.</summary>
    public const string LargerRun = "HERALD_FAULT_EVENTS=2000 dotnet test tests/Herald.IntegrationTests -c Release --filter Category=Faults";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan DeliveredTimeout = TimeSpan.FromMinutes(3);
    private static readonly string[] Paths = ["/hooks/a", "/hooks/b"];
    private readonly List<HeraldProcess> started = [];
    private readonly List<string> timeline = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Dictionary<string, string> webhookIds = [];
    private RabbitMqVirtualHost? vhost;
    private TempDatabase? database;
    private HeraldProcess? front;
    private HeraldProcess? fanout;
    private HeraldProcess?[] deliveries = new HeraldProcess?[2];

    private FaultScenario(int events) => Events = events;

    /// <summary>Records published: <c>HERALD_FAULT_EVENTS</c>, 80 by default (sized for CI on two cores).</summary>
    public int Events { get; }

    /// <summary>The receiving endpoint.</summary>
    public LedgerEndpoint Endpoint { get; private set; } = null!;

    /// <summary>The upstream.</summary>
    public AuditPublisher Publisher { get; private set; } = null!;

    /// <summary>Starts the processes and registers the webhooks.</summary>
    public static async Task<FaultScenario> StartAsync(string label, RabbitMqBroker broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        HeraldProcess.HostAssembly();
        var events = int.TryParse(Environment.GetEnvironmentVariable("HERALD_FAULT_EVENTS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 80;
        var scenario = new FaultScenario(events);
        try
        {
            await scenario.StartProcessesAsync(label, broker);
            return scenario;
        }
        catch
        {
            scenario.WriteOutput();
            await scenario.DisposeAsync();
            throw;
        }
    }

    /// <summary>Spreads <paramref name="count"/> faults evenly over the publishing: the published count before fault <paramref name="index"/> (1-based).</summary>
    public int Threshold(int index, int count) => Events * index / (count + 1);

    /// <summary>Waits, bounded, until at least <paramref name="count"/> records were accepted.</summary>
    public Task WhenPublishedAsync(int count) =>
        Wait.Eventually(() => Expect.True(Publisher.Published >= count, $"{Publisher.Published} of {count} records published"), TimeSpan.FromMinutes(2));

    /// <summary>kill -9 of delivery process <paramref name="index"/> (0 or 1), then a replacement with the same settings.</summary>
    public async Task KillDeliveryAsync(int index)
    {
        Note($"kill -9 delivery #{index}");
        deliveries[index] = await ReplaceAsync(deliveries[index]!);
    }

    /// <summary>kill -9 of the fanout process, then a replacement with the same settings.</summary>
    public async Task KillFanoutAsync()
    {
        Note("kill -9 fanout");
        fanout = await ReplaceAsync(fanout!);
    }

    /// <summary>Adds a line to the run's timeline, with the time since start and the records published.</summary>
    public void Note(string what) => timeline.Add(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,6:0.0} s  published {Publisher?.Published ?? 0,5}  {what}"));

    /// <summary>
    /// Publishes the records while <paramref name="fault"/> runs, waits until every pair succeeded
    /// (bounded) and the endpoint is quiet, and returns the ledger of the run, printed.
    /// </summary>
    public async Task<DeliveryLedger> RunAsync(Func<Task> fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var ids = Enumerable.Range(0, Events).Select(_ => Guid.NewGuid()).ToList();
        var pairs = ids.SelectMany(id => Paths.Select(path => KeyValuePair.Create(new LedgerPair($"evt_{id:D}", path), webhookIds[path]))).ToList();
        var spread = TimeSpan.FromSeconds(8 + Events / 100.0);
        Note($"publishing {Events} records over ~{spread.TotalSeconds:0} s");
        await Task.WhenAll(Publisher.PublishAsync(ids, spread, CancellationToken.None), fault());
        Note($"published (retried {Publisher.Retried} times); waiting for every pair to succeed");

        await using var store = new StoreReader(database!.Path);
        var open = pairs.Select(p => p.Key).ToHashSet();
        try
        {
            await Wait.Eventually(async () =>
            {
                open = (await store.NotSucceededAsync(pairs.Where(p => open.Contains(p.Key)), CancellationToken.None)).ToHashSet();
                Expect.True(open.Count == 0, $"{open.Count} pairs not succeeded, such as {string.Join(", ", open.Take(3))}");
            }, DeliveredTimeout);
        }
        catch (InvalidOperationException exception)
        {
            Note($"gave up waiting: {exception.Message}");
        }

        Note($"every pair succeeded or gave up; {Endpoint.Count} requests");
        await QuietAsync();
        var ledger = DeliveryLedger.Check(pairs.Select(p => p.Key).ToList(), Endpoint.Requests, await store.ReadAsync(pairs, CancellationToken.None));
        await TestContext.Out.WriteLineAsync(string.Join(Environment.NewLine, timeline));
        await TestContext.Out.WriteLineAsync($"{ledger}{Environment.NewLine}larger: {LargerRun}");
        return ledger;
    }

    /// <summary>The assertions every scenario ends with; duplicates are printed, not asserted.</summary>
    public static void AssertNothingLost(DeliveryLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        Assert.Multiple(() =>
        {
            Assert.That(ledger.Lost, Is.Empty, $"{ledger}{Environment.NewLine}{ledger.Details()}");
            Assert.That(ledger.Unexpected, Is.Empty, ledger.Details());
            Assert.That(ledger.Unrecorded, Is.Empty, ledger.Details());
            Assert.That(ledger.ForeignIds, Is.Empty, "a duplicate carries the webhook-id of its delivery");
        });
    }

    /// <summary>Writes the timeline and every process's output (killed ones included) to the test log.</summary>
    public void WriteOutput()
    {
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, timeline));
        foreach (var process in started)
        {
            TestContext.Out.WriteLine(process.Output);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var process in started)
        {
            await process.DisposeAsync();
        }

        if (Endpoint is not null) await Endpoint.DisposeAsync();
        if (vhost is not null) await vhost.DisposeAsync();
        database?.Dispose();
    }

    private async Task StartProcessesAsync(string label, RabbitMqBroker broker)
    {
        vhost = await broker.CreateVirtualHostAsync("faults-" + label);
        database = new TempDatabase();
        // A customer endpoint that works 100 ms on each request, so faults catch requests in flight.
        Endpoint = await LedgerEndpoint.StartAsync();
        Endpoint.Latency = TimeSpan.FromMilliseconds(100);
        string[] settings =
        [
            "--Transport", "RabbitMq", "--RabbitMq:Url", vhost.Url.ToString(), "--Sqlite:Path", database.Path,
            "--Delivery:RetrySchedule", "0s,1s,1s,2s,2s,3s,5s,5s,10s,10s",
            "--Delivery:SchedulerInterval", "00:00:00.200",
            "--Delivery:DispatchLease", "00:00:08",
            "--Delivery:Timeout", "00:00:03",
            "--Delivery:ConnectTimeout", "00:00:01",
            "--Delivery:DeferDelay", "00:00:00.250",
            "--Delivery:CircuitBreakDuration", "00:00:01",
            "--Fanout:RedispatchAfter", "00:00:08",
            "--Ingest:BrokerTimeout", "00:00:03",
        ];
        front = Keep(HeraldProcess.Start("ingest,api", settings));
        fanout = Keep(HeraldProcess.Start("fanout", settings));
        deliveries = [Keep(HeraldProcess.Start("delivery", settings)), Keep(HeraldProcess.Start("delivery", settings))];
        await Task.WhenAll(started.Select(p => p.WaitUntilHealthyAsync(StartTimeout)));

        var organization = AuditRecords.NewOrganization();
        foreach (var path in Paths)
        {
            var webhook = await front.Client.CreateWebhookAsync(organization, Endpoint.UrlFor(path));
            webhookIds[path] = webhook["id"]!.GetValue<string>();
        }

        Publisher = new AuditPublisher(front.Client, organization);
        Note($"started on {broker.Source}: {string.Join(", ", started.Select(p => p.Roles))}");
    }

    private async Task<HeraldProcess> ReplaceAsync(HeraldProcess process)
    {
        var replacement = Keep(await process.RestartAsync());
        await replacement.WaitUntilHealthyAsync(StartTimeout);
        Note($"replacement {replacement.Roles} healthy");
        return replacement;
    }

    private HeraldProcess Keep(HeraldProcess process)
    {
        started.Add(process);
        return process;
    }

    private async Task QuietAsync()
    {
        // Stragglers: wait, bounded, until no request has arrived for a second.
        var (count, since) = (Endpoint.Count, clock.Elapsed);
        await Wait.Eventually(() =>
        {
            if (Endpoint.Count != count)
            {
                (count, since) = (Endpoint.Count, clock.Elapsed);
            }

            Expect.True(clock.Elapsed - since >= TimeSpan.FromSeconds(1), "the endpoint still receives requests");
        }, TimeSpan.FromSeconds(30));
    }
}
