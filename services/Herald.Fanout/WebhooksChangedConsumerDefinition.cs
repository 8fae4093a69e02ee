using MassTransit;

namespace Herald.Fanout;

/// <summary>
/// Every fan-out process must hear every change, so each gets a queue of its own, named after
/// the process and exclusive to its connection (so deleted when it goes), instead of competing on a shared one.
/// </summary>
public sealed class WebhooksChangedConsumerDefinition : ConsumerDefinition<WebhooksChangedConsumer>
{
    /// <summary>The queue's name before the process's own part.</summary>
    public const string QueuePrefix = "herald-fanout-webhook-changes-";

    /// <summary>Creates the definition with a queue name no other process has.</summary>
    public WebhooksChangedConsumerDefinition()
    {
        EndpointName = QueuePrefix + NewId.NextGuid().ToString("N");
        ConcurrentMessageLimit = 1;
        Endpoint(e => e.Temporary = true);
    }
}
