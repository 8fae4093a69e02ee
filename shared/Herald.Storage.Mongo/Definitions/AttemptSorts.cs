using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Sorts on <c>attempts</c>.</summary>
internal static class AttemptSorts
{
    public static SortDefinition<AttemptDocument> ByNumber() =>
        Builders<AttemptDocument>.Sort.Ascending(a => a.Number).Ascending(a => a.StartedAt);
}
