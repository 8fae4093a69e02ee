namespace Herald.Messaging;

/// <summary>Herald's queue and exchange names: part of the contract with plain-JSON publishers.</summary>
public static class Endpoints
{
    /// <summary>The fanout role's queue (and, on RabbitMQ, the exchange bound to it).</summary>
    public const string Fanout = "herald-fanout";

    /// <summary>The fanout role's queue for Herald's own operational events.</summary>
    public const string FanoutOperational = "herald-fanout-operational";

    /// <summary>The delivery role's queue.</summary>
    public const string Delivery = "herald-delivery";

    /// <summary>
    /// The exchange <c>AuditLogRecorded</c> is published to; it is bound to <see cref="Fanout"/>
    /// when the fanout role starts.
    /// </summary>
    public const string AuditLogRecordedExchange = "herald.audit-log-recorded";

    /// <summary>Send address of the fanout queue (declared by the sender, so nothing is lost before fanout first starts).</summary>
    public static readonly Uri FanoutQueue = new($"queue:{Fanout}");

    /// <summary>Send address of the delivery queue.</summary>
    public static readonly Uri DeliveryQueue = new($"queue:{Delivery}");
}
