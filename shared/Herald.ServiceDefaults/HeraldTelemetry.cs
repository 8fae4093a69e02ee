using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Herald.ServiceDefaults;

/// <summary>Herald's own spans and metrics. Names follow the OpenTelemetry semantic conventions where one applies.</summary>
public static class HeraldTelemetry
{
    /// <summary>The name of Herald's ActivitySource and Meter.</summary>
    public const string Name = "Herald";

    /// <summary>Spans for fan-out, attempts and retry dispatch.</summary>
    public static readonly ActivitySource Source = new(Name, "1.0");

    /// <summary>Herald's meter.</summary>
    public static readonly Meter Meter = new(Name, "1.0");

    /// <summary>Events fanned out, tagged with whether the event was new.</summary>
    public static readonly Counter<long> EventsFannedOut = Meter.CreateCounter<long>("herald.fanout.events", "{event}", "Audit records fanned out to webhooks");

    /// <summary>Deliveries created by fan-out.</summary>
    public static readonly Counter<long> DeliveriesCreated = Meter.CreateCounter<long>("herald.deliveries.created", "{delivery}", "Deliveries created by fan-out");

    /// <summary>Deliveries finished, tagged by outcome.</summary>
    public static readonly Counter<long> DeliveriesCompleted = Meter.CreateCounter<long>("herald.deliveries.completed", "{delivery}", "Deliveries that reached a final state");

    /// <summary>HTTP attempts, tagged by outcome and status class.</summary>
    public static readonly Counter<long> Attempts = Meter.CreateCounter<long>("herald.attempts", "{attempt}", "Delivery attempts made");

    /// <summary>
    /// Time from fan-out creating a delivery to its final state (succeeded or failed), retries
    /// included: what an endpoint's owner waits. Tagged <c>herald.outcome</c>.
    /// </summary>
    public static readonly Histogram<double> DeliveryLatency = Meter.CreateHistogram<double>("herald.delivery.latency", "s", "Time from a delivery's creation to its final state");

    /// <summary>Attempt duration.</summary>
    public static readonly Histogram<double> AttemptDuration = Meter.CreateHistogram<double>("herald.attempt.duration", "s", "Duration of delivery attempts");

    /// <summary>Deliveries dispatched by the retry scheduler.</summary>
    public static readonly Counter<long> RetriesDispatched = Meter.CreateCounter<long>("herald.retries.dispatched", "{delivery}", "Due deliveries dispatched by the retry scheduler");

    /// <summary>Messages moved to an error or skipped queue, tagged by queue and reason.</summary>
    public static readonly Counter<long> PoisonMessages = Meter.CreateCounter<long>("herald.messages.poison", "{message}", "Messages that could not be processed");

    /// <summary>Fan-out's lookups of subscribed webhooks, tagged <c>herald.cache.hit</c>.</summary>
    public static readonly Counter<long> WebhookCacheLookups = Meter.CreateCounter<long>("herald.fanout.webhook_cache.lookups", "{lookup}", "Fan-out lookups of subscribed webhooks, by cache hit or miss");
}
