using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Sorts on <c>deliveries</c>.</summary>
internal static class DeliverySorts
{
    private static SortDefinitionBuilder<DeliveryDocument> Sort => Builders<DeliveryDocument>.Sort;

    public static SortDefinition<DeliveryDocument> ById() => Sort.Ascending(d => d.Id);

    /// <summary>Newest event first, ties by id descending: matches the webhook index.</summary>
    public static SortDefinition<DeliveryDocument> NewestFirst() =>
        Sort.Descending(d => d.OccurredAt).Descending(d => d.Id);

    /// <summary>Earliest due first; the id breaks ties so claimers agree on the order.</summary>
    public static SortDefinition<DeliveryDocument> EarliestDueFirst() =>
        Sort.Ascending(d => d.NextAttemptAt).Ascending(d => d.Id);
}
