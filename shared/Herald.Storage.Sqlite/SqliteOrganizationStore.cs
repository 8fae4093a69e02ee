using Microsoft.Data.Sqlite;
using static Herald.Storage.Sqlite.SqliteValues;

namespace Herald.Storage.Sqlite;

/// <summary>Organizations.</summary>
internal sealed class SqliteOrganizationStore(SqliteDatabase database) : IOrganizationStore
{
    public Task<bool> AddAsync(Organization organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return database.WriteStatementAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand()
                    .With("@id", organization.Id).With("@name", organization.Name).With("@created_at", Ticks(organization.CreatedAt));
                command.CommandText = "INSERT INTO organizations (id, name, created_at) VALUES (@id, @name, @created_at) ON CONFLICT (id) DO NOTHING;";
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);
    }

    public Task<Organization?> GetAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand().With("@id", id);
                command.CommandText = "SELECT id, name, created_at FROM organizations WHERE id = @id;";
                return await command.ReadFirstAsync(Read, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<Organization>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Organization>>(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT id, name, created_at FROM organizations ORDER BY created_at, id;";
                return await command.ReadAllAsync(Read, cancellationToken);
            },
            cancellationToken);

    private static Organization Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetText("id"),
        Name = reader.GetText("name"),
        CreatedAt = reader.GetTime("created_at"),
    };
}
