using Herald.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Herald.Messaging;

/// <summary>
/// Counts and logs messages Herald could not process: malformed ones and ones whose consumer
/// kept failing land in the queue's <c>_error</c> queue (MassTransit adds the reason as
/// <c>MT-Fault-*</c> headers); messages of a type no consumer takes land in <c>_skipped</c>, with the reason in
/// <c>MT-Reason</c> (<see cref="SkippedMessageFilter"/>).
/// Other traffic keeps flowing either way.
/// </summary>
public sealed partial class PoisonMessageObserver(ILogger<PoisonMessageObserver> logger) : IReceiveObserver
{
    /// <inheritdoc />
    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PostReceive(ReceiveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TryGetPayload<CountedAsUnreadable>(out _))
        {
            return Task.CompletedTask;
        }

        if (context.IsFaulted)
        {
            Count(context, "consumer_failed");
        }
        else if (!context.IsDelivered)
        {
            Count(context, "unknown_message_type");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    /// <inheritdoc />
    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask;

    /// <inheritdoc />
    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exception);
        // A message that cannot be read is reported here and then, as a faulted receive, to
        // PostReceive as well (MassTransit's GenerateFaultFilter notifies the fault and the
        // pipe completes); the marker keeps it from being counted twice.
        context.GetOrAddPayload(() => new CountedAsUnreadable());
        Count(context, "unreadable");
        LogUnreadable(logger, QueueName(context), exception.GetType().Name, exception.Message);
        return Task.CompletedTask;
    }

    private static void Count(ReceiveContext context, string reason)
    {
        HeraldTelemetry.PoisonMessages.Add(1,
            new KeyValuePair<string, object?>("messaging.destination.name", QueueName(context)),
            new KeyValuePair<string, object?>("herald.reason", reason));
    }

    private static string QueueName(ReceiveContext context) => QueueNames.Of(context.InputAddress);

    private sealed class CountedAsUnreadable;

    [LoggerMessage(EventId = 50, Level = LogLevel.Warning, Message = "A message on {Queue} could not be read ({Error}: {Reason}); it was moved to the error queue")]
    private static partial void LogUnreadable(ILogger logger, string queue, string error, string reason);
}
