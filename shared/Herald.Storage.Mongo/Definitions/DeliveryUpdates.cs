using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Updates on <c>deliveries</c>.</summary>
internal static class DeliveryUpdates
{
    /// <summary>
    /// Leases a due delivery to the pass holding <paramref name="claim"/>: no scheduler sees it as
    /// due again until the lease ends.
    /// </summary>
    public static UpdateDefinition<DeliveryDocument> Claim(long leaseTicks, long nowTicks, string claim) =>
        Builders<DeliveryDocument>.Update
            .Set(d => d.NextAttemptAt, leaseTicks)
            .Set(d => d.Claim, claim)
            .Set(d => d.UpdatedAt, nowTicks);

    /// <summary>Parks a delivery: the scheduler leaves it alone until it is requeued.</summary>
    public static UpdateDefinition<DeliveryDocument> Park(long nowTicks) =>
        Builders<DeliveryDocument>.Update
            .Set(d => d.State, DeliveryState.Parked)
            .Set(d => d.NextAttemptAt, null)
            .Set(d => d.UpdatedAt, nowTicks);

    /// <summary>Makes a delivery pending and due now, keeping its attempts.</summary>
    public static UpdateDefinition<DeliveryDocument> Requeue(long nowTicks) =>
        Builders<DeliveryDocument>.Update
            .Set(d => d.State, DeliveryState.Pending)
            .Set(d => d.NextAttemptAt, nowTicks)
            .Set(d => d.UpdatedAt, nowTicks);
}
