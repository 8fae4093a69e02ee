namespace Herald.Storage;

/// <summary>Every HTTP attempt with its request and response.</summary>
public interface IAttemptStore
{
    /// <summary>Stores an attempt.</summary>
    Task AddAsync(DeliveryAttempt attempt, CancellationToken cancellationToken);

    /// <summary>A delivery's attempts, by attempt number then start time (ties by id).</summary>
    Task<IReadOnlyList<DeliveryAttempt>> ListByDeliveryAsync(string deliveryId, CancellationToken cancellationToken);
}
