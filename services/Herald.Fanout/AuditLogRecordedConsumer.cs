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
/// Turns one audit record into one event and one delivery per subscribed webhook, then asks
/// the delivery role to attempt each. Idempotent: ids derive from the record, so a redelivered
/// message finds the event and deliveries it created before and sends only what is still pending.
/// The message is acknowledged after the event and deliveries are stored and the sends confirmed.
/// </summary>
public sealed partial class AuditLogRecordedConsumer(
    IWebhookStore webhooks,
    IEventStore events,
    IDeliveryStore deliveries,
    TimeProvider time,
    IOptions<FanoutOptions> options,
    ILogger<AuditLogRecordedConsumer> logger) : IConsumer<AuditLogRecorded>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<AuditLogRecorded> context)
    {
        var record = context.Message;
        var cancellationToken = context.CancellationToken;
        var sourceId = record.AuditLogId ?? context.MessageId
            ?? throw new InvalidOperationException("AuditLogRecorded carries neither audit_log_id nor a message id, so it cannot be fanned out idempotently.");
        var eventId = Ids.Event(sourceId);

        using var activity = HeraldTelemetry.Source.StartActivity("herald fanout", ActivityKind.Internal);
        activity?.SetTag("herald.event_id", eventId);
        activity?.SetTag("herald.organization_id", record.OrganizationId);

        var now = time.GetUtcNow();
        var occurredAt = WebhookPayload.TruncateToMilliseconds(now);
        var candidate = new WebhookEvent
        {
            Id = eventId,
            OrganizationId = record.OrganizationId,
            Category = EventCategories.AuditLogCreation,
            OccurredAt = occurredAt,
            Payload = WebhookPayload.Serialize(eventId, EventCategories.AuditLogCreation, occurredAt, record),
            CreatedAt = now,
        };
        var (stored, added) = await events.AddIfAbsentAsync(candidate, cancellationToken);

        var subscribers = await webhooks.ListSubscribedAsync(stored.OrganizationId, stored.Category, cancellationToken);
        var wanted = subscribers.Select(webhook => new Delivery
        {
            Id = Ids.Delivery(stored.Id, webhook.Id),
            EventId = stored.Id,
            WebhookId = webhook.Id,
            OrganizationId = stored.OrganizationId,
            EventCategory = stored.Category,
            OccurredAt = stored.OccurredAt,
            State = DeliveryState.Pending,
            AttemptCount = 0,
            NextAttemptAt = now + options.Value.RedispatchAfter,
            TraceParent = Activity.Current?.Id,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        var current = wanted.Count == 0 ? [] : await deliveries.AddIfAbsentAsync(wanted, cancellationToken);

        // Only deliveries still waiting for their first attempt are sent: after a redelivery the
        // others are already under way, and the worker ignores a duplicate for an attempt it made.
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
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Fanned out {EventId} of {OrganizationId} to {Deliveries} webhooks ({Sent} sent, new event: {New})")]
    private static partial void LogFannedOut(ILogger logger, string eventId, string organizationId, int deliveries, int sent, bool @new);
}
