namespace Herald.Fanout;

/// <summary>What fan-out needs of a subscribed webhook: no URL, headers or secrets.</summary>
/// <param name="Id">The webhook.</param>
/// <param name="Enabled">False when Herald disabled it: its deliveries are created parked.</param>
public sealed record Subscriber(string Id, bool Enabled);
