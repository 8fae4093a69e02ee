using Herald.Contracts;
using Herald.Storage;
using MassTransit;

namespace Herald.Fanout;

/// <summary>
/// Turns Herald's <see cref="WebhookDisabled"/> into a <c>webhook_disabled</c> event for the
/// organization's other webhooks subscribed to it (the operational webhook), idempotently.
/// </summary>
public sealed class WebhookDisabledConsumer(EventFanout fanout, TimeProvider time) : IConsumer<WebhookDisabled>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<WebhookDisabled> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var eventId = Ids.Event(Ids.NameBased($"webhook_disabled\n{message.WebhookId}\n{message.DisabledAt.UtcTicks}"));
        var occurredAt = WebhookPayload.TruncateToMilliseconds(message.DisabledAt);
        await fanout.FanOutAsync(context, new WebhookEvent
        {
            Id = eventId,
            OrganizationId = message.OrganizationId,
            Category = EventCategories.WebhookDisabled,
            OccurredAt = occurredAt,
            Payload = WebhookPayload.SerializeDisabled(eventId, occurredAt, message),
            CreatedAt = time.GetUtcNow(),
        }, exclude: message.WebhookId);
    }
}
