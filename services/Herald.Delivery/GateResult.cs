namespace Herald.Delivery;

/// <summary>What the endpoint gate did with an attempt: sent it, or deferred it without a request.</summary>
/// <param name="Sent">The attempt's result when it was sent.</param>
/// <param name="DeferFor">How long to wait before trying again when it was not sent.</param>
/// <param name="Reason">Why it was deferred.</param>
public sealed record GateResult(SendResult? Sent, TimeSpan DeferFor, string? Reason);
