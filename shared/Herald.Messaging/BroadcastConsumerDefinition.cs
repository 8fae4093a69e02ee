using MassTransit;

namespace Herald.Messaging;

/// <summary>
/// For a message every process must hear (an announcement, not work to share): each process
/// gets a queue of its own, named after the process and exclusive to its connection, so it is
/// deleted when the process goes, instead of competing on a shared one.
/// </summary>
/// <typeparam name="TConsumer">The consumer.</typeparam>
public abstract class BroadcastConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    /// <summary>Creates the definition with a queue name no other process has.</summary>
    /// <param name="queuePrefix">The queue's name before the process's own part.</param>
    protected BroadcastConsumerDefinition(string queuePrefix)
    {
        EndpointName = queuePrefix + NewId.NextGuid().ToString("N");
        ConcurrentMessageLimit = 1;
        Endpoint(e => e.Temporary = true);
    }
}
