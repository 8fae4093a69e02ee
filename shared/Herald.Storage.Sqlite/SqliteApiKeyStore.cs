using Microsoft.Data.Sqlite;
using static Herald.Storage.Sqlite.SqliteValues;

namespace Herald.Storage.Sqlite;

/// <summary>API keys, as hashes.</summary>
internal sealed class SqliteApiKeyStore(SqliteDatabase database) : IApiKeyStore
{
    private const string Columns = "id, organization_id, name, secret_hash, created_at, revoked_at";

    public Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return database.WriteStatementAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand()
                    .With("@id", key.Id).With("@organization_id", key.OrganizationId).With("@name", key.Name)
                    .With("@secret_hash", key.SecretHash).With("@created_at", Ticks(key.CreatedAt)).With("@revoked_at", Ticks(key.RevokedAt));
                command.CommandText = $"INSERT INTO api_keys ({Columns}) VALUES (@id, @organization_id, @name, @secret_hash, @created_at, @revoked_at);";
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<ApiKey?> FindAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand().With("@id", id);
                command.CommandText = $"SELECT {Columns} FROM api_keys WHERE id = @id;";
                return await command.ReadFirstAsync(Read, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<ApiKey>> ListAsync(string organizationId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ApiKey>>(
            async connection =>
            {
                await using var command = connection.CreateCommand().With("@organization_id", organizationId);
                command.CommandText = $"SELECT {Columns} FROM api_keys WHERE organization_id = @organization_id ORDER BY created_at, id;";
                return await command.ReadAllAsync(Read, cancellationToken);
            },
            cancellationToken);

    public Task<bool> RevokeAsync(string organizationId, string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand().With("@id", id).With("@organization_id", organizationId).With("@at", Ticks(at));
                command.CommandText = "UPDATE api_keys SET revoked_at = @at WHERE id = @id AND organization_id = @organization_id AND revoked_at IS NULL;";
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);

    private static ApiKey Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetText("id"),
        OrganizationId = reader.GetText("organization_id"),
        Name = reader.GetText("name"),
        SecretHash = reader.GetText("secret_hash"),
        CreatedAt = reader.GetTime("created_at"),
        RevokedAt = reader.GetNullableTime("revoked_at"),
    };
}
