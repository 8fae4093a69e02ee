using Herald.Contracts;
using Herald.Messaging.WebhookChanges;
using MassTransit;

namespace Herald.Fanout;

/// <summary>Drops this process's cached subscriptions of an organization whose webhooks changed.</summary>
public sealed class WebhooksChangedConsumer(IEnumerable<IWebhookChangeListener> listeners) : IConsumer<WebhooksChanged>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<WebhooksChanged> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var listener in listeners)
        {
            listener.Invalidate(context.Message.OrganizationId);
        }

        return Task.CompletedTask;
    }
}
