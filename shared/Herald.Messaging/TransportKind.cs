namespace Herald.Messaging;

/// <summary>The message transport, chosen by the <c>Transport</c> setting.</summary>
public enum TransportKind
{
    /// <summary>MassTransit's in-memory transport: one process, nothing to install.</summary>
    InMemory,
    /// <summary>RabbitMQ through MassTransit.RabbitMQ, with publisher confirms.</summary>
    RabbitMq,
}
