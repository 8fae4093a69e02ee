using Herald.Storage;

namespace Herald.IntegrationTests.Faults;

/// <summary>
/// What the store holds for one pair: its delivery (id, state; null when there is none) and the
/// attempts recorded for it.
/// </summary>
public sealed record StoredPair(LedgerPair Pair, string? DeliveryId, DeliveryState? State, int Attempts, int SucceededAttempts);
