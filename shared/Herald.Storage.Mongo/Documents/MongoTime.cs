namespace Herald.Storage.Mongo.Documents;

/// <summary>
/// Times are stored as Int64 UTC ticks rather than BSON dates: a BSON date keeps milliseconds
/// only, and ticks round-trip exactly and still sort and compare as numbers.
/// </summary>
internal static class MongoTime
{
    public static long ToTicks(DateTimeOffset time) => time.UtcTicks;

    public static long? ToTicks(DateTimeOffset? time) => time?.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static DateTimeOffset? FromTicks(long? ticks) => ticks is { } value ? FromTicks(value) : null;
}
