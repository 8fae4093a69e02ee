using Herald.Messaging;

namespace Herald.Fanout;

/// <summary>Every fan-out process hears every change to webhooks, on a queue of its own.</summary>
public sealed class WebhooksChangedConsumerDefinition() : BroadcastConsumerDefinition<WebhooksChangedConsumer>(QueuePrefix)
{
    /// <summary>The queue's name before the process's own part.</summary>
    public const string QueuePrefix = "herald-fanout-webhook-changes-";
}
