using Herald.Contracts;
using MassTransit;

namespace Herald.Delivery;

/// <summary>Attempts a delivery when asked; the message is acknowledged once the attempt is stored.</summary>
public sealed class DeliverWebhookConsumer(DeliveryProcessor processor) : IConsumer<DeliverWebhook>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<DeliverWebhook> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return processor.ProcessAsync(context.Message, context.CancellationToken);
    }
}
