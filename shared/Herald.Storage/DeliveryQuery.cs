namespace Herald.Storage;

/// <summary>A page of a webhook's deliveries, newest event first, with optional filters.</summary>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="States">Only these states, or all when null or empty.</param>
/// <param name="From">Only events that occurred at or after this time.</param>
/// <param name="To">Only events that occurred before this time.</param>
public sealed record DeliveryQuery(int Page, int PageSize, IReadOnlyCollection<DeliveryState>? States = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
