using Herald.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Herald.Delivery;

/// <summary>The delivery queue: its name, concurrency and prefetch, and retry of transient store errors.</summary>
public sealed class DeliverWebhookConsumerDefinition : ConsumerDefinition<DeliverWebhookConsumer>
{
    /// <summary>Creates the definition from the <c>Delivery</c> settings.</summary>
    public DeliverWebhookConsumerDefinition(IOptions<DeliveryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        EndpointName = Endpoints.Delivery;
        ConcurrentMessageLimit = options.Value.ConcurrentMessageLimit;
    }

    /// <inheritdoc />
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DeliverWebhookConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);

        // Prefetch a little more than the worker runs at once, so it never waits on the broker
        // but a stopped worker holds few messages.
        endpointConfigurator.PrefetchCount = Math.Max(ConcurrentMessageLimit ?? 64, 1) * 2;

        // HTTP failures are recorded, not thrown; what is retried here is a store that hiccuped.
        endpointConfigurator.UseMessageRetry(r => r.Intervals(200, 1_000, 5_000));
    }
}
