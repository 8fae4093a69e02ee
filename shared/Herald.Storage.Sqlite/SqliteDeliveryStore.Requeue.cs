using System.Globalization;
using static Herald.Storage.Sqlite.SqliteValues;

namespace Herald.Storage.Sqlite;

/// <summary>Bulk state changes of one webhook's deliveries: parking and requeueing.</summary>
internal sealed partial class SqliteDeliveryStore
{
    public Task<int> ParkAsync(string webhookId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand().With("@webhook_id", webhookId).With("@now", Ticks(now));
                command.CommandText = """
                    UPDATE deliveries SET state = 'Parked', next_attempt_at = NULL, updated_at = @now
                    WHERE webhook_id = @webhook_id AND state IN ('Pending', 'Retrying');
                    """;
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    public Task<int> RequeueAsync(string webhookId, IReadOnlyCollection<DeliveryState> states, DateTimeOffset? since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0)
        {
            return Task.FromResult(0);
        }

        return database.WriteStatementAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand()
                    .With("@webhook_id", webhookId)
                    .With("@now", Ticks(now))
                    .With("@since", Ticks(since));
                var names = states.Distinct().Select((state, i) => (Name: string.Create(CultureInfo.InvariantCulture, $"@state{i}"), State: state)).ToList();
                names.ForEach(n => command.With(n.Name, Text(n.State)));
                command.CommandText = $"""
                    UPDATE deliveries SET state = 'Pending', next_attempt_at = @now, updated_at = @now
                    WHERE webhook_id = @webhook_id AND state IN ({string.Join(", ", names.Select(n => n.Name))})
                      AND (@since IS NULL OR occurred_at >= @since);
                    """;
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }
}
