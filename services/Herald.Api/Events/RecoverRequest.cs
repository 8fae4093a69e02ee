namespace Herald.Api.Events;

/// <summary>Recover every failed or parked delivery of events that occurred at or after <c>since</c>.</summary>
public sealed record RecoverRequest(DateTimeOffset? Since);
