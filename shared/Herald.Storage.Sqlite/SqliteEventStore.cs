using Microsoft.Data.Sqlite;
using static Herald.Storage.Sqlite.SqliteValues;

namespace Herald.Storage.Sqlite;

/// <summary>Events with their payload as a BLOB; never updated, so a conflict means it is stored.</summary>
internal sealed class SqliteEventStore(SqliteDatabase database) : IEventStore
{
    public async Task<(WebhookEvent Event, bool Added)> AddIfAbsentAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var added = await database.WriteStatementAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand()
                    .With("@id", webhookEvent.Id)
                    .With("@organization_id", webhookEvent.OrganizationId)
                    .With("@category", webhookEvent.Category)
                    .With("@occurred_at", Ticks(webhookEvent.OccurredAt))
                    .With("@payload", webhookEvent.Payload.ToArray())
                    .With("@created_at", Ticks(webhookEvent.CreatedAt));
                command.CommandText = """
                    INSERT INTO events (id, organization_id, category, occurred_at, payload, created_at)
                    VALUES (@id, @organization_id, @category, @occurred_at, @payload, @created_at)
                    ON CONFLICT (id) DO NOTHING;
                    """;
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);
        if (added)
        {
            return (webhookEvent, true);
        }

        var stored = await GetAsync(webhookEvent.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Event {webhookEvent.Id} conflicted on insert but cannot be read back.");
        return (stored, false);
    }

    public Task<WebhookEvent?> GetAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand().With("@id", id);
                command.CommandText = "SELECT id, organization_id, category, occurred_at, payload, created_at FROM events WHERE id = @id;";
                return await command.ReadFirstAsync(Read, cancellationToken);
            },
            cancellationToken);

    private static WebhookEvent Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetText("id"),
        OrganizationId = reader.GetText("organization_id"),
        Category = reader.GetText("category"),
        OccurredAt = reader.GetTime("occurred_at"),
        Payload = reader.GetBlob("payload"),
        CreatedAt = reader.GetTime("created_at"),
    };
}
