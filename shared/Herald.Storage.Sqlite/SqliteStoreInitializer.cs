namespace Herald.Storage.Sqlite;

/// <summary>Switches the file to WAL and creates the tables and indexes.</summary>
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
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }
}
