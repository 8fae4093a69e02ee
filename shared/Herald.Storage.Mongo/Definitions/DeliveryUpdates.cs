using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Updates on <c>deliveries</c>.</summary>
internal static class DeliveryUpdates
{
    /// <summary>Leases a due delivery: no scheduler sees it as due again until the lease ends.</summary>
    public static UpdateDefinition<DeliveryDocument> Claim(long leaseTicks, long nowTicks) =>
        Builders<DeliveryDocument>.Update
            .Set(d => d.NextAttemptAt, leaseTicks)
            .Set(d => d.UpdatedAt, nowTicks);
}
