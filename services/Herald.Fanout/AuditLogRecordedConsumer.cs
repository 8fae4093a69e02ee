using Herald.Contracts;
using Herald.Storage;
using MassTransit;

namespace Herald.Fanout;

/// <summary>
/// Turns one audit record into one <c>audit_log_creation</c> event, fanned out to the
/// organization's subscribed webhooks. The event id derives from the record's id (or its
/// message id), so a redelivered record yields the same event. The message is acknowledged
/// after the event and deliveries are stored and the sends confirmed.
/// </summary>
public sealed class AuditLogRecordedConsumer(EventFanout fanout, TimeProvider time) : IConsumer<AuditLogRecorded>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<AuditLogRecorded> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = context.Message;
        var sourceId = record.AuditLogId ?? context.MessageId
            ?? throw new FormatException("AuditLogRecorded carries neither audit_log_id nor a message id, so it cannot be fanned out idempotently.");
        var eventId = Ids.Event(sourceId);
        var now = time.GetUtcNow();
        var occurredAt = WebhookPayload.TruncateToMilliseconds(now);
        await fanout.FanOutAsync(context, new WebhookEvent
        {
            Id = eventId,
            OrganizationId = record.OrganizationId,
            Category = EventCategories.AuditLogCreation,
            OccurredAt = occurredAt,
            Payload = WebhookPayload.Serialize(eventId, EventCategories.AuditLogCreation, occurredAt, record),
            CreatedAt = now,
        });
    }
}
