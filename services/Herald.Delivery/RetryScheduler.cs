using System.Diagnostics;
using Herald.Contracts;
using Herald.Messaging;
using Herald.ServiceDefaults;
using Herald.Storage;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Delivery;

/// <summary>
/// Durable retries without a broker plugin: the store holds each delivery's next attempt time,
/// and every delivery worker polls for due ones, claims them (so only one worker takes each)
/// and sends a <see cref="DeliverWebhook"/>. A claim that is never acted on (the worker died)
/// expires after the dispatch lease and is claimed again.
/// </summary>
public sealed partial class RetryScheduler(
    IDeliveryStore deliveries,
    ISendEndpointProvider sendEndpoints,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<RetryScheduler> logger) : BackgroundService
{
    /// <summary>Claims due deliveries and dispatches them; returns how many.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var due = await deliveries.ClaimDueAsync(now, now + settings.DispatchLease, settings.SchedulerBatchSize, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var endpoint = await sendEndpoints.GetSendEndpoint(Endpoints.DeliveryQueue);
        await Task.WhenAll(due.Select(delivery => DispatchAsync(endpoint, delivery, cancellationToken)));
        HeraldTelemetry.RetriesDispatched.Add(due.Count);
        LogDispatched(logger, due.Count);
        return due.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SchedulerInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // Drain a backlog in consecutive passes rather than one per tick.
                while (await DispatchDueAsync(stoppingToken) == options.Value.SchedulerBatchSize)
                {
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, exception);
            }
        }
    }

    private static async Task DispatchAsync(ISendEndpoint endpoint, Storage.Delivery delivery, CancellationToken cancellationToken)
    {
        // Continue the trace of the fan-out that created the delivery.
        using var activity = HeraldTelemetry.Source.StartActivity("herald retry dispatch", ActivityKind.Producer, delivery.TraceParent);
        activity?.SetTag("herald.delivery_id", delivery.Id);
        activity?.SetTag("herald.attempt", delivery.AttemptCount + 1);
        await endpoint.Send(new DeliverWebhook(delivery.Id, delivery.AttemptCount + 1), cancellationToken);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Dispatched {Count} due deliveries")]
    private static partial void LogDispatched(ILogger logger, int count);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "Retry scheduler pass failed; it runs again at the next tick")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
