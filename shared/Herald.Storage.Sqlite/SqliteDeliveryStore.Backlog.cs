using static Herald.Storage.Sqlite.SqliteValues;

namespace Herald.Storage.Sqlite;

/// <summary>The backlog figures; the partial due index holds every open delivery, so it is read alone.</summary>
internal sealed partial class SqliteDeliveryStore
{
    public Task<DeliveryBacklog> GetBacklogAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand().With("@now", Ticks(now));
                command.CommandText = """
                    SELECT COUNT(*), COALESCE(SUM(next_attempt_at <= @now), 0), MIN(next_attempt_at)
                    FROM deliveries
                    WHERE state IN ('Pending', 'Retrying');
                    """;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                var due = reader.GetInt64(1);
                return new DeliveryBacklog
                {
                    Open = reader.GetInt64(0),
                    Due = due,
                    OldestDueAt = due > 0 ? new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero) : null,
                };
            },
            cancellationToken);
}
