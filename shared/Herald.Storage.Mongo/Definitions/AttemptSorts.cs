using Herald.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Herald.Storage.Mongo.Definitions;

/// <summary>Sorts on <c>attempts</c>.</summary>
internal static class AttemptSorts
{
    /// <summary>By number then start time; the id breaks ties (a raced attempt recorded twice) as on SQLite.</summary>
    public static SortDefinition<AttemptDocument> ByNumber() =>
        Builders<AttemptDocument>.Sort.Ascending(a => a.Number).Ascending(a => a.StartedAt).Ascending(a => a.Id);
}
