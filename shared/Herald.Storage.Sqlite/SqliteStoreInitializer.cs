namespace Herald.Storage.Sqlite;

/// <summary>
/// Switches the file to WAL, creates the tables and indexes, and adds columns that later
/// versions introduced to files an earlier version created.
/// </summary>
internal sealed class SqliteStoreInitializer(SqliteDatabase database) : IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            // The journal mode is stored in the file, so one switch serves every process; it
            // cannot change inside a transaction.
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL journal mode (got '{mode}'); Herald needs it to share the file between processes.");
            }
        }

        // One immediate transaction, so processes starting together create the schema one at a time.
        await database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = SqliteSchema.Script;
                await command.ExecuteNonQueryAsync(cancellationToken);
                return await AddMissingColumnsAsync(connection, transaction, cancellationToken);
            },
            cancellationToken);
    }

    private static async Task<int> AddMissingColumnsAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var (table, column, definition) in SqliteSchema.AddedColumns)
        {
            await using var probe = connection.CreateCommand();
            probe.Transaction = transaction;
            probe.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}';";
            if ((long)(await probe.ExecuteScalarAsync(cancellationToken) ?? 0L) > 0)
            {
                continue;
            }

            await using var alter = connection.CreateCommand();
            alter.Transaction = transaction;
            alter.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition};";
            await alter.ExecuteNonQueryAsync(cancellationToken);
            added++;
        }

        return added;
    }
}
