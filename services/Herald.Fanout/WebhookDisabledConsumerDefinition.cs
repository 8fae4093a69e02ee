using Herald.Messaging;
using MassTransit;

namespace Herald.Fanout;

/// <summary>Herald's operational events get their own queue, apart from upstreams' plain-JSON records.</summary>
public sealed class WebhookDisabledConsumerDefinition : ConsumerDefinition<WebhookDisabledConsumer>
{
    /// <summary>Creates the definition.</summary>
    public WebhookDisabledConsumerDefinition()
    {
        EndpointName = Endpoints.FanoutOperational;
        ConcurrentMessageLimit = 4;
    }

    /// <inheritdoc />
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<WebhookDisabledConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 2_000, 5_000));
    }
}
