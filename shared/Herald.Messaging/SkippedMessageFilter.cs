using System.Text.Json;
using MassTransit;
using MassTransit.Transports;
using Microsoft.Extensions.Logging;

namespace Herald.Messaging;

/// <summary>
/// Moves a message no consumer on the queue takes to the queue's <c>_skipped</c> queue, like
/// MassTransit's own dead-letter filter, but with a reason an operator can act on in the
/// <c>MT-Reason</c> header: the queue and the message types the envelope named.
/// </summary>
public sealed partial class SkippedMessageFilter(ILogger<SkippedMessageFilter> logger) : IFilter<ReceiveContext>
{
    // Enough for any envelope's header part; a larger body is not read for its types.
    private const int MaxBodyRead = 1 << 20;

    /// <inheritdoc />
    public void Probe(ProbeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CreateFilterScope("herald-skipped");
    }

    /// <inheritdoc />
    public async Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!context.TryGetPayload(out IDeadLetterTransport? transport))
        {
            throw new TransportException(context.InputAddress, "The queue has no transport for skipped messages.");
        }

        var reason = Reason(context);
        LogSkipped(logger, QueueNames.Of(context.InputAddress), reason);
        await transport.Send(context, reason);
        await next.Send(context);
    }

    /// <summary>The reason recorded for a skipped message.</summary>
    public static string Reason(ReceiveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var types = MessageTypes(context);
        var queue = QueueNames.Of(context.InputAddress);
        return types.Count == 0
            ? $"skipped: no consumer on {queue} takes this message (content type {context.ContentType?.MediaType ?? "none"})"
            : $"skipped: no consumer on {queue} takes {string.Join(", ", types)}";
    }

    private static List<string> MessageTypes(ReceiveContext context)
    {
        var types = new List<string>();
        try
        {
            var body = context.Body.GetBytes();
            if (body.Length > MaxBodyRead)
            {
                return types;
            }

            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("messageType", out var named)
                && named.ValueKind == JsonValueKind.Array)
            {
                types.AddRange(named.EnumerateArray()
                    .Where(t => t.ValueKind == JsonValueKind.String)
                    .Select(t => t.GetString()!)
                    .Take(8));
            }
        }
        catch (JsonException)
        {
            // Not a JSON envelope: the reason names the content type instead.
        }

        return types;
    }

    [LoggerMessage(EventId = 51, Level = LogLevel.Warning, Message = "A message on {Queue} was moved to its _skipped queue: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string queue, string reason);
}
