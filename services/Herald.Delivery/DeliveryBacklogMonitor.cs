using System.Diagnostics.Metrics;
using Herald.ServiceDefaults;
using Herald.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Delivery;

/// <summary>
/// Reads the delivery backlog from the store every <see cref="DeliveryOptions.BacklogSampleInterval"/>
/// and reports it as gauges: open deliveries, due ones no worker has claimed yet, and how long
/// the oldest due one has waited. The figures are store-wide, so every delivery process reports
/// the same ones; aggregate them with max, not sum.
/// </summary>
public sealed partial class DeliveryBacklogMonitor : BackgroundService
{
    private readonly IDeliveryStore deliveries;
    private readonly TimeProvider time;
    private readonly IOptions<DeliveryOptions> options;
    private readonly ILogger<DeliveryBacklogMonitor> logger;
    private Sample? latest;

    /// <summary>Creates the monitor and its gauges on a meter of this process's container.</summary>
    public DeliveryBacklogMonitor(
        IDeliveryStore deliveries, TimeProvider time, IMeterFactory meters, IOptions<DeliveryOptions> options, ILogger<DeliveryBacklogMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        this.deliveries = deliveries;
        this.time = time;
        this.options = options;
        this.logger = logger;
        var meter = meters.Create(HeraldTelemetry.Name);
        meter.CreateObservableGauge("herald.deliveries.open", () => Observe(s => s.Backlog.Open), "{delivery}",
            "Pending and retrying deliveries in the store");
        meter.CreateObservableGauge("herald.deliveries.due", () => Observe(s => s.Backlog.Due), "{delivery}",
            "Deliveries whose next attempt time has come and that no worker has claimed");
        meter.CreateObservableGauge("herald.deliveries.due_age", () => Observe(s => s.DueAge.TotalSeconds), "s",
            "How long the oldest due delivery has waited past its attempt time");
    }

    /// <summary>Reads the backlog once; the gauges report it until the next read.</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var backlog = await deliveries.GetBacklogAsync(now, cancellationToken);
        var age = backlog.OldestDueAt is { } oldest && oldest < now ? now - oldest : TimeSpan.Zero;
        latest = new Sample(backlog, age);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.BacklogSampleInterval, time);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSampleFailed(logger, e.GetType().Name, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private IEnumerable<Measurement<T>> Observe<T>(Func<Sample, T> read)
        where T : struct =>
        latest is { } sample ? [new Measurement<T>(read(sample))] : [];

    private sealed record Sample(DeliveryBacklog Backlog, TimeSpan DueAge);

    [LoggerMessage(EventId = 45, Level = LogLevel.Warning, Message = "The delivery backlog could not be read ({Error}: {Reason}); the gauges keep the last reading")]
    private static partial void LogSampleFailed(ILogger logger, string error, string reason);
}
