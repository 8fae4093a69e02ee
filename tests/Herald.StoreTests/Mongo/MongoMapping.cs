using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Herald.StoreTests.Mongo;

/// <summary>Serializes a document to BSON and back, as a write and a read through the driver would.</summary>
internal static class MongoMapping
{
    public static BsonDocument ToBson<TDocument>(TDocument document) => document.ToBsonDocument();

    public static TDocument FromBson<TDocument>(BsonDocument bson) => BsonSerializer.Deserialize<TDocument>(bson);

    /// <summary>The document's element names, exactly and in order.</summary>
    public static void AssertElementNames(BsonValue bson, params string[] names) =>
        Assert.That(bson.AsBsonDocument.Names, Is.EqualTo(names));

    /// <summary>Same instant to the tick, read back in UTC.</summary>
    public static void AssertExactUtc(DateTimeOffset actual, DateTimeOffset expected)
    {
        Assert.That(actual.UtcTicks, Is.EqualTo(expected.UtcTicks));
        Assert.That(actual.Offset, Is.EqualTo(TimeSpan.Zero));
    }
}
