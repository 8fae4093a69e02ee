namespace Herald.Storage;

/// <summary>Where a delivery stands.</summary>
public enum DeliveryState
{
    /// <summary>Created, first attempt not yet made.</summary>
    Pending,
    /// <summary>An attempt failed; the next is due at <see cref="Delivery.NextAttemptAt"/>.</summary>
    Retrying,
    /// <summary>An attempt got a 2xx answer.</summary>
    Succeeded,
    /// <summary>Every attempt of the schedule failed, or the failure cannot be retried.</summary>
    Failed,
    /// <summary>Held back because its webhook is disabled; resumes when it is enabled.</summary>
    Parked,
}
