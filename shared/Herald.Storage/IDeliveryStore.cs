namespace Herald.Storage;

/// <summary>Deliveries: one per (event, webhook), with their state and retry time.</summary>
public interface IDeliveryStore
{
    /// <summary>
    /// Stores each delivery unless one with its id exists, and returns the stored ones in the
    /// order given (the earlier record where one existed).
    /// </summary>
    Task<IReadOnlyList<Delivery>> AddIfAbsentAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);

    /// <summary>The delivery with this id, or null.</summary>
    Task<Delivery?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The deliveries of one event, in id order.</summary>
    Task<IReadOnlyList<Delivery>> ListByEventAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>A webhook's deliveries, newest event first (ties by id), filtered and paged.</summary>
    Task<Page<Delivery>> ListByWebhookAsync(string webhookId, DeliveryQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the delivery if its stored attempt count is still <paramref name="expectedAttemptCount"/>
    /// (optimistic concurrency between workers); false when it changed or is gone.
    /// </summary>
    Task<bool> TryUpdateAsync(Delivery delivery, int expectedAttemptCount, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="attempt"/> and replaces the delivery as <see cref="TryUpdateAsync"/>
    /// does, in one transaction where the store has them (else the attempt first). The attempt is
    /// stored even when the delivery had moved on; true when the delivery was replaced.
    /// </summary>
    Task<bool> RecordAttemptAsync(DeliveryAttempt attempt, Delivery delivery, int expectedAttemptCount, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="limit"/> pending or retrying deliveries whose
    /// <see cref="Delivery.NextAttemptAt"/> is at or before <paramref name="now"/>, moves their
    /// next attempt time to <paramref name="leaseUntil"/> so no other scheduler takes them, and
    /// returns them as updated, earliest due first. Each delivery is taken atomically, so two
    /// concurrent callers never get the same one; the batch as a whole need not be, so concurrent
    /// callers may share the due deliveries in any split.
    /// </summary>
    Task<IReadOnlyList<Delivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken);

    /// <summary>The open and due deliveries at <paramref name="now"/>, across every webhook.</summary>
    Task<DeliveryBacklog> GetBacklogAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Moves the webhook's pending and retrying deliveries to parked; returns how many.</summary>
    Task<int> ParkAsync(string webhookId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the webhook's deliveries in <paramref name="states"/> whose event occurred at or after
    /// <paramref name="since"/> (all when null) back to pending, due at <paramref name="now"/>,
    /// keeping their attempts; returns how many. The retry scheduler dispatches them.
    /// </summary>
    Task<int> RequeueAsync(string webhookId, IReadOnlyCollection<DeliveryState> states, DateTimeOffset? since, DateTimeOffset now, CancellationToken cancellationToken);
}
