using System.Diagnostics;
using Herald.Contracts;
using Herald.Messaging;
using Herald.ServiceDefaults;
using Herald.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Fanout;

/// <summary>
/// Stores an event (once) and one delivery per subscribed webhook, then asks the delivery role
/// to attempt each. Idempotent: ids derive from the source, so a redelivered message finds the
/// event and deliveries it created before and sends only what is still waiting for its first
/// attempt. Deliveries to a webhook Herald disabled are created parked.
/// </summary>
public sealed partial class EventFanout(
    SubscriberCache subscribers,
    IEventStore events,
    IDeliveryStore deliveries,
    TimeProvider time,
    IOptions<FanoutOptions> options,
    ILogger<EventFanout> logger)
{
    /// <summary>Fans <paramref name="candidate"/> out; <paramref name="exclude"/> names a webhook that must not receive it.</summary>
    public async Task<IReadOnlyList<Delivery>> FanOutAsync(ConsumeContext context, WebhookEvent candidate, string? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidate);
        var cancellationToken = context.CancellationToken;
        using var activity = HeraldTelemetry.Source.StartActivity("herald fanout", ActivityKind.Internal);
        activity?.SetTag("herald.event_id", candidate.Id);
        activity?.SetTag("herald.event_category", candidate.Category);
        activity?.SetTag("herald.organization_id", candidate.OrganizationId);

        var (stored, added) = await events.AddIfAbsentAsync(candidate, cancellationToken);
        var now = time.GetUtcNow();
        var subscribed = await subscribers.ListAsync(stored.OrganizationId, stored.Category, cancellationToken);
        var wanted = subscribed.Where(w => w.Id != exclude).Select(webhook => new Delivery
        {
            Id = Ids.Delivery(stored.Id, webhook.Id),
            EventId = stored.Id,
            WebhookId = webhook.Id,
            OrganizationId = stored.OrganizationId,
            EventCategory = stored.Category,
            OccurredAt = stored.OccurredAt,
            State = webhook.Enabled ? DeliveryState.Pending : DeliveryState.Parked,
            AttemptCount = 0,
            NextAttemptAt = webhook.Enabled ? now + options.Value.RedispatchAfter : null,
            TraceParent = Activity.Current?.Id,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        var current = wanted.Count == 0 ? [] : await deliveries.AddIfAbsentAsync(wanted, cancellationToken);

        // After a redelivery the deliveries already attempted are under way; the worker also
        // ignores a duplicate command for an attempt it already made.
        var commands = current
            .Where(d => d.State == DeliveryState.Pending && d.AttemptCount == 0)
            .Select(d => new DeliverWebhook(d.Id, 1))
            .ToList();
        if (commands.Count > 0)
        {
            var endpoint = await context.GetSendEndpoint(Endpoints.DeliveryQueue);
            await endpoint.SendBatch(commands, cancellationToken);
        }

        activity?.SetTag("herald.deliveries", current.Count);
        HeraldTelemetry.EventsFannedOut.Add(1, new KeyValuePair<string, object?>("herald.event.new", added));
        HeraldTelemetry.DeliveriesCreated.Add(added ? current.Count : 0);
        LogFannedOut(logger, stored.Id, stored.OrganizationId, current.Count, commands.Count, added);
        return current;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Fanned out {EventId} of {OrganizationId} to {Deliveries} webhooks ({Sent} sent, new event: {New})")]
    private static partial void LogFannedOut(ILogger logger, string eventId, string organizationId, int deliveries, int sent, bool @new);
}
