using Herald.Messaging;

namespace Herald.Security;

/// <summary>Every process that authenticates hears every key revocation, on a queue of its own.</summary>
public sealed class ApiKeyRevokedConsumerDefinition() : BroadcastConsumerDefinition<ApiKeyRevokedConsumer>(QueuePrefix)
{
    /// <summary>The queue's name before the process's own part.</summary>
    public const string QueuePrefix = "herald-api-key-revocations-";
}
