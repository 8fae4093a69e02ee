using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Herald.StoreTests.Mongo;

/// <summary>Renders driver definitions to BSON the way the driver sends them, and compares them exactly.</summary>
internal static class MongoRender
{
    // Canonical extended JSON keeps the BSON types apart: Int64 ticks must not pass as Int32.
    private static readonly JsonWriterSettings Canonical = new() { OutputMode = JsonOutputMode.CanonicalExtendedJson };

    public static BsonDocument Filter<T>(FilterDefinition<T> filter) => filter.Render(Args<T>());

    public static BsonValue Update<T>(UpdateDefinition<T> update) => update.Render(Args<T>());

    public static BsonDocument Sort<T>(SortDefinition<T> sort) => sort.Render(Args<T>());

    public static BsonDocument Keys<T>(IndexKeysDefinition<T> keys) => keys.Render(Args<T>());

    /// <summary>The pipeline's stages as one array, for <see cref="AssertRenders"/> as <c>{ stages: [...] }</c>.</summary>
    public static BsonDocument Pipeline<TInput, TOutput>(PipelineDefinition<TInput, TOutput> pipeline) =>
        new("stages", new BsonArray(pipeline.Render(Args<TInput>()).Documents));

    public static void AssertRenders(BsonValue actual, string expectedJson)
    {
        var expected = BsonDocument.Parse(expectedJson);
        Assert.That(actual.ToJson(Canonical), Is.EqualTo(expected.ToJson(Canonical)));
    }

    private static RenderArgs<T> Args<T>() =>
        new(BsonSerializer.SerializerRegistry.GetSerializer<T>(), BsonSerializer.SerializerRegistry);
}
