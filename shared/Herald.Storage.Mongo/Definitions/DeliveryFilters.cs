using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Filters on <c>deliveries</c>.</summary>
internal static class DeliveryFilters
{
    /// <summary>The states the retry scheduler dispatches; the partial index covers exactly these.</summary>
    public static readonly IReadOnlyList<DeliveryState> Schedulable = [DeliveryState.Pending, DeliveryState.Retrying];

    private static FilterDefinitionBuilder<DeliveryDocument> Filter => Builders<DeliveryDocument>.Filter;

    public static FilterDefinition<DeliveryDocument> ById(string id) => Filter.Eq(d => d.Id, id);

    public static FilterDefinition<DeliveryDocument> ByIds(IEnumerable<string> ids) => Filter.In(d => d.Id, ids);

    /// <summary>Those of <paramref name="ids"/> that the pass holding <paramref name="claim"/> leased; read off the id index.</summary>
    public static FilterDefinition<DeliveryDocument> ClaimedBy(IEnumerable<string> ids, string claim) =>
        Filter.In(d => d.Id, ids) & Filter.Eq(d => d.Claim, claim);

    public static FilterDefinition<DeliveryDocument> ByEvent(string eventId) => Filter.Eq(d => d.EventId, eventId);

    /// <summary>A webhook's deliveries with the query's optional state and time filters.</summary>
    public static FilterDefinition<DeliveryDocument> ByWebhook(string webhookId, DeliveryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = new List<FilterDefinition<DeliveryDocument>> { Filter.Eq(d => d.WebhookId, webhookId) };
        if (query.States is { Count: > 0 } states)
        {
            filters.Add(Filter.In(d => d.State, states));
        }

        if (query.From is { } from)
        {
            filters.Add(Filter.Gte(d => d.OccurredAt, MongoTime.ToTicks(from)));
        }

        if (query.To is { } to)
        {
            filters.Add(Filter.Lt(d => d.OccurredAt, MongoTime.ToTicks(to)));
        }

        return Filter.And(filters);
    }

    /// <summary>The delivery, only while its attempt count is still the one the caller read.</summary>
    public static FilterDefinition<DeliveryDocument> ByIdAndAttemptCount(string id, int expectedAttemptCount) =>
        Filter.Eq(d => d.Id, id) & Filter.Eq(d => d.AttemptCount, expectedAttemptCount);

    /// <summary>Pending or retrying deliveries whose next attempt is at or before now.</summary>
    public static FilterDefinition<DeliveryDocument> Due(long nowTicks) =>
        Filter.In(d => d.State, Schedulable) & Filter.Lte(d => d.NextAttemptAt, nowTicks);

    /// <summary>A webhook's deliveries in the given states, optionally only events at or after <paramref name="sinceTicks"/>.</summary>
    public static FilterDefinition<DeliveryDocument> ByWebhookInStates(string webhookId, IEnumerable<DeliveryState> states, long? sinceTicks)
    {
        var filter = Filter.Eq(d => d.WebhookId, webhookId) & Filter.In(d => d.State, states);
        return sinceTicks is { } since ? filter & Filter.Gte(d => d.OccurredAt, since) : filter;
    }
}
