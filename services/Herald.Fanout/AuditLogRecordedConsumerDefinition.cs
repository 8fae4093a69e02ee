using Herald.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Herald.Fanout;

/// <summary>The fanout queue: its name, concurrency, retry of transient store errors, and plain-JSON input.</summary>
public sealed class AuditLogRecordedConsumerDefinition : ConsumerDefinition<AuditLogRecordedConsumer>
{
    /// <summary>The exchange MassTransit names after <c>AuditLogRecorded</c> by default.</summary>
    public const string DefaultExchange = "Herald.Contracts:AuditLogRecorded";

    /// <summary>Creates the definition from the <c>Fanout</c> settings.</summary>
    public AuditLogRecordedConsumerDefinition(IOptions<FanoutOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        EndpointName = Endpoints.Fanout;
        ConcurrentMessageLimit = options.Value.ConcurrentMessageLimit;
    }

    /// <inheritdoc />
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AuditLogRecordedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);

        // Non-.NET upstreams publish the bare record with content type application/json.
        endpointConfigurator.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType | RawSerializerOptions.AddTransportHeaders, isDefault: false);
        endpointConfigurator.PrefetchCount = Math.Max(ConcurrentMessageLimit ?? 16, 1) * 2;

        // A .NET upstream that references Herald.Contracts and publishes with MassTransit's default
        // naming publishes to the exchange named after the message type: bind that one too, so it
        // needs no Herald-specific configuration.
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.Bind(DefaultExchange);
        }

        // Transient store failures are retried in place; a record that still fails goes to
        // herald-fanout_error. A malformed record (FormatException) goes there at once: no retry mends it.
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<FormatException>();
            r.Intervals(100, 500, 2_000, 5_000);
        });
    }
}
