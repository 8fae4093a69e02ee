using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>
/// Column conventions: times as UTC ticks (exact round trip), enums as their names, header and
/// string lists as JSON arrays in their original order.
/// </summary>
internal static class SqliteValues
{
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static long Ticks(DateTimeOffset value) => value.UtcTicks;

    public static long? Ticks(DateTimeOffset? value) => value?.UtcTicks;

    public static string Json(IReadOnlyList<WebhookHeader> headers) => JsonSerializer.Serialize(headers);

    public static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    public static string Text<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString();

    public static string GetText(this SqliteDataReader reader, string column) => reader.GetString(reader.GetOrdinal(column));

    public static string? GetNullableText(this SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public static int GetInt(this SqliteDataReader reader, string column) => reader.GetInt32(reader.GetOrdinal(column));

    public static int? GetNullableInt(this SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
    }

    public static long GetLong(this SqliteDataReader reader, string column) => reader.GetInt64(reader.GetOrdinal(column));

    public static bool GetFlag(this SqliteDataReader reader, string column) => reader.GetInt64(reader.GetOrdinal(column)) != 0;

    public static DateTimeOffset GetTime(this SqliteDataReader reader, string column) =>
        new(reader.GetLong(column), TimeSpan.Zero);

    public static DateTimeOffset? GetNullableTime(this SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero);
    }

    public static TEnum GetEnum<TEnum>(this SqliteDataReader reader, string column)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(reader.GetText(column));

    public static TEnum? GetNullableEnum<TEnum>(this SqliteDataReader reader, string column)
        where TEnum : struct, Enum => reader.GetNullableText(column) is { } text ? Enum.Parse<TEnum>(text) : null;

    public static byte[] GetBlob(this SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? [] : (byte[])reader.GetValue(ordinal);
    }

    public static IReadOnlyList<WebhookHeader> GetHeaders(this SqliteDataReader reader, string column) =>
        JsonSerializer.Deserialize<List<WebhookHeader>>(reader.GetText(column)) ?? [];

    public static IReadOnlyList<string> GetStrings(this SqliteDataReader reader, string column) =>
        JsonSerializer.Deserialize<List<string>>(reader.GetText(column)) ?? [];

    /// <summary>Reads every row of the command with <paramref name="map"/>.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(this SqliteCommand command, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(map(reader));
        }

        return items;
    }

    /// <summary>Reads the first row of the command with <paramref name="map"/>, or null.</summary>
    public static async Task<T?> ReadFirstAsync<T>(this SqliteCommand command, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? map(reader) : null;
    }
}
