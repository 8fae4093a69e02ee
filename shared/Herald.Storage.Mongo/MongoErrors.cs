using MongoDB.Driver;

namespace Herald.Storage.Mongo;

/// <summary>Recognizes the errors the stores turn into "already there".</summary>
internal static class MongoErrors
{
    public static bool IsDuplicateKey(MongoWriteException exception) =>
        exception.WriteError?.Category == ServerErrorCategory.DuplicateKey;

    /// <summary>True when every failed write of the batch was a duplicate key and nothing else went wrong.</summary>
    public static bool OnlyDuplicateKeys<T>(MongoBulkWriteException<T> exception) =>
        exception.WriteConcernError is null
        && exception.WriteErrors.All(error => error.Category == ServerErrorCategory.DuplicateKey);
}
