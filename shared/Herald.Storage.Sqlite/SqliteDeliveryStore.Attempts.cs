using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>Settling a delivery together with the attempt that decided it.</summary>
internal sealed partial class SqliteDeliveryStore
{
    public Task<bool> RecordAttemptAsync(DeliveryAttempt attempt, Delivery delivery, int expectedAttemptCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(delivery);
        return database.WriteAsync(
            async (connection, _) =>
            {
                await SqliteAttemptStore.InsertAsync(connection, attempt, cancellationToken);
                return await UpdateAsync(connection, delivery, expectedAttemptCount, cancellationToken);
            },
            cancellationToken);
    }

    private static async Task<bool> UpdateAsync(SqliteConnection connection, Delivery delivery, int expectedAttemptCount, CancellationToken cancellationToken)
    {
        await using var command = DeliveryRows.Bind(connection.CreateCommand(), delivery)
            .With("@expected_attempt_count", expectedAttemptCount);
        command.CommandText = $"UPDATE deliveries SET {DeliveryRows.Assignments} WHERE id = @id AND attempt_count = @expected_attempt_count;";
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
