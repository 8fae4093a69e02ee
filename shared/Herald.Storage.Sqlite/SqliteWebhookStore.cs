using Microsoft.Data.Sqlite;
using static Herald.Storage.Sqlite.SqliteValues;

namespace Herald.Storage.Sqlite;

/// <summary>Webhooks, one row each; categories and headers as JSON arrays.</summary>
internal sealed partial class SqliteWebhookStore(SqliteDatabase database) : IWebhookStore
{
    private const string Columns = "id, organization_id, name, url, headers, event_categories, secure, enabled, secret, previous_secret, previous_secret_expires_at, disabled_reason, disabled_at, failing_since, created_at, updated_at";

    public Task AddAsync(Webhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return database.WriteStatementAsync(
            async connection =>
            {
                await using var command = Bind(connection.CreateCommand(), webhook);
                command.CommandText = $"""
                    INSERT INTO webhooks ({Columns})
                    VALUES (@id, @organization_id, @name, @url, @headers, @event_categories, @secure, @enabled, @secret, @previous_secret, @previous_secret_expires_at, @disabled_reason, @disabled_at, @failing_since, @created_at, @updated_at);
                    """;
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<Webhook?> GetAsync(string organizationId, string id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand()
                    .With("@organization_id", organizationId)
                    .With("@id", id);
                command.CommandText = $"SELECT {Columns} FROM webhooks WHERE id = @id AND organization_id = @organization_id;";
                return await command.ReadFirstAsync(Read, cancellationToken);
            },
            cancellationToken);

    public Task<Webhook?> FindAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand().With("@id", id);
                command.CommandText = $"SELECT {Columns} FROM webhooks WHERE id = @id;";
                return await command.ReadFirstAsync(Read, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<Webhook>> ListAsync(string organizationId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Webhook>>(
            async connection =>
            {
                await using var command = connection.CreateCommand().With("@organization_id", organizationId);
                command.CommandText = $"SELECT {Columns} FROM webhooks WHERE organization_id = @organization_id ORDER BY created_at, id;";
                return await command.ReadAllAsync(Read, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<Webhook>> ListSubscribedAsync(string organizationId, string eventCategory, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Webhook>>(
            async connection =>
            {
                await using var command = connection.CreateCommand()
                    .With("@organization_id", organizationId)
                    .With("@category", eventCategory);
                command.CommandText = $"""
                    SELECT {Columns} FROM webhooks
                    WHERE organization_id = @organization_id AND (enabled = 1 OR disabled_reason IS NOT NULL)
                      AND EXISTS (SELECT 1 FROM json_each(webhooks.event_categories) WHERE json_each.value = @category)
                    ORDER BY created_at, id;
                    """;
                return await command.ReadAllAsync(Read, cancellationToken);
            },
            cancellationToken);

    public Task<bool> UpdateAsync(Webhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return database.WriteStatementAsync(
            async connection =>
            {
                await using var command = Bind(connection.CreateCommand(), webhook);
                command.CommandText = """
                    UPDATE webhooks
                    SET name = @name, url = @url, headers = @headers, event_categories = @event_categories,
                        secure = @secure, enabled = @enabled, secret = @secret,
                        previous_secret = @previous_secret, previous_secret_expires_at = @previous_secret_expires_at,
                        disabled_reason = @disabled_reason, disabled_at = @disabled_at, failing_since = @failing_since,
                        created_at = @created_at, updated_at = @updated_at
                    WHERE id = @id AND organization_id = @organization_id;
                    """;
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);
    }

    public Task<bool> DeleteAsync(string organizationId, string id, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand()
                    .With("@organization_id", organizationId)
                    .With("@id", id);
                command.CommandText = "DELETE FROM webhooks WHERE id = @id AND organization_id = @organization_id;";
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);

    private static SqliteCommand Bind(SqliteCommand command, Webhook webhook) => command
        .With("@id", webhook.Id)
        .With("@organization_id", webhook.OrganizationId)
        .With("@name", webhook.Name)
        .With("@url", webhook.Url)
        .With("@headers", Json(webhook.Headers))
        .With("@event_categories", Json(webhook.EventCategories))
        .With("@secure", webhook.Secure)
        .With("@enabled", webhook.Enabled)
        .With("@secret", webhook.Secret)
        .With("@previous_secret", webhook.PreviousSecret)
        .With("@previous_secret_expires_at", Ticks(webhook.PreviousSecretExpiresAt))
        .With("@disabled_reason", webhook.DisabledReason)
        .With("@disabled_at", Ticks(webhook.DisabledAt))
        .With("@failing_since", Ticks(webhook.FailingSince))
        .With("@created_at", Ticks(webhook.CreatedAt))
        .With("@updated_at", Ticks(webhook.UpdatedAt));

    private static Webhook Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetText("id"),
        OrganizationId = reader.GetText("organization_id"),
        Name = reader.GetText("name"),
        Url = reader.GetText("url"),
        Headers = reader.GetHeaders("headers"),
        EventCategories = reader.GetStrings("event_categories"),
        Secure = reader.GetFlag("secure"),
        Enabled = reader.GetFlag("enabled"),
        Secret = reader.GetText("secret"),
        PreviousSecret = reader.GetNullableText("previous_secret"),
        PreviousSecretExpiresAt = reader.GetNullableTime("previous_secret_expires_at"),
        DisabledReason = reader.GetNullableText("disabled_reason"),
        DisabledAt = reader.GetNullableTime("disabled_at"),
        FailingSince = reader.GetNullableTime("failing_since"),
        CreatedAt = reader.GetTime("created_at"),
        UpdatedAt = reader.GetTime("updated_at"),
    };
}
