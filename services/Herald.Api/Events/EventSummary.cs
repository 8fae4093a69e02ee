using Herald.Storage;

namespace Herald.Api.Events;

/// <summary>One row of a webhook's event list.</summary>
public sealed record EventSummary(
    string EventId,
    string DeliveryId,
    string EventCategory,
    DateTimeOffset Date,
    DeliveryState Outcome,
    int AttemptCount,
    DateTimeOffset? NextAttemptAt,
    int? LastStatusCode)
{
    /// <summary>The row for a delivery.</summary>
    public static EventSummary From(Storage.Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new(delivery.EventId, delivery.Id, delivery.EventCategory, delivery.OccurredAt, delivery.State, delivery.AttemptCount,
            delivery.State is DeliveryState.Pending or DeliveryState.Retrying ? delivery.NextAttemptAt : null, delivery.LastStatusCode);
    }
}
