using static Herald.Storage.Sqlite.SqliteValues;

namespace Herald.Storage.Sqlite;

/// <summary>Endpoint health: the failing streak and Herald's own disabling.</summary>
internal sealed partial class SqliteWebhookStore
{
    public Task MarkFailingAsync(string id, DateTimeOffset since, CancellationToken cancellationToken) =>
        Execute("UPDATE webhooks SET failing_since = @at WHERE id = @id AND failing_since IS NULL;", id, since, null, cancellationToken);

    public Task MarkHealthyAsync(string id, CancellationToken cancellationToken) =>
        Execute("UPDATE webhooks SET failing_since = NULL WHERE id = @id AND failing_since IS NOT NULL;", id, null, null, cancellationToken);

    public async Task<bool> DisableAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        await Execute(
            """
            UPDATE webhooks SET enabled = 0, disabled_reason = @reason, disabled_at = @at, updated_at = @at
            WHERE id = @id AND enabled = 1;
            """,
            id, at, reason, cancellationToken) == 1;

    private Task<int> Execute(string sql, string id, DateTimeOffset? at, string? reason, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand().With("@id", id).With("@at", Ticks(at)).With("@reason", reason);
                command.CommandText = sql;
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
}
