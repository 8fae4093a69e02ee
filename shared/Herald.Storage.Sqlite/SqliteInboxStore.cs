using Microsoft.Data.Sqlite;
using static Herald.Storage.Sqlite.SqliteValues;

namespace Herald.Storage.Sqlite;

/// <summary>The test inboxes and the requests they received.</summary>
internal sealed class SqliteInboxStore(SqliteDatabase database) : IInboxStore
{
    private const string Columns = "id, inbox_id, method, path, query, headers, body, size, remote_address, received_at";

    public Task CreateInboxAsync(Inbox inbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        return database.WriteStatementAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand()
                    .With("@id", inbox.Id).With("@organization_id", inbox.OrganizationId).With("@name", inbox.Name).With("@created_at", Ticks(inbox.CreatedAt));
                command.CommandText = "INSERT INTO inboxes (id, organization_id, name, created_at) VALUES (@id, @organization_id, @name, @created_at);";
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<bool> InboxExistsAsync(string inboxId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand().With("@id", inboxId);
                command.CommandText = "SELECT EXISTS (SELECT 1 FROM inboxes WHERE id = @id);";
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
            },
            cancellationToken);

    // Both subqueries read ix_inbox_requests_inbox alone: the count and the newest time of one inbox.
    public Task<IReadOnlyList<InboxSummary>> ListInboxesAsync(string organizationId, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<InboxSummary>>(
            async connection =>
            {
                await using var command = connection.CreateCommand()
                    .With("@organization_id", organizationId)
                    .With("@limit", Math.Max(limit, 0));
                command.CommandText = """
                    SELECT i.id, i.organization_id, i.name, i.created_at,
                        (SELECT COUNT(*) FROM inbox_requests r WHERE r.inbox_id = i.id) AS request_count,
                        (SELECT MAX(r.received_at) FROM inbox_requests r WHERE r.inbox_id = i.id) AS last_request_at
                    FROM inboxes i
                    WHERE i.organization_id = @organization_id
                    ORDER BY i.created_at DESC, i.id DESC
                    LIMIT @limit;
                    """;
                return await command.ReadAllAsync(ReadSummary, cancellationToken);
            },
            cancellationToken);

    public Task AddAsync(InboxRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return database.WriteStatementAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand()
                    .With("@id", request.Id)
                    .With("@inbox_id", request.InboxId)
                    .With("@method", request.Method)
                    .With("@path", request.Path)
                    .With("@query", request.Query)
                    .With("@headers", Json(request.Headers))
                    .With("@body", request.Body)
                    .With("@size", request.Size)
                    .With("@remote_address", request.RemoteAddress)
                    .With("@received_at", Ticks(request.ReceivedAt));
                command.CommandText = $"""
                    INSERT INTO inbox_requests ({Columns})
                    VALUES (@id, @inbox_id, @method, @path, @query, @headers, @body, @size, @remote_address, @received_at);
                    """;
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<InboxRequest>> ListAsync(string inboxId, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<InboxRequest>>(
            async connection =>
            {
                await using var command = connection.CreateCommand()
                    .With("@inbox_id", inboxId)
                    .With("@limit", Math.Max(limit, 0));
                command.CommandText = $"SELECT {Columns} FROM inbox_requests WHERE inbox_id = @inbox_id ORDER BY received_at DESC, id DESC LIMIT @limit;";
                return await command.ReadAllAsync(Read, cancellationToken);
            },
            cancellationToken);

    public Task<InboxRequest?> GetAsync(string inboxId, string id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand()
                    .With("@inbox_id", inboxId)
                    .With("@id", id);
                command.CommandText = $"SELECT {Columns} FROM inbox_requests WHERE id = @id AND inbox_id = @inbox_id;";
                return await command.ReadFirstAsync(Read, cancellationToken);
            },
            cancellationToken);

    private static InboxSummary ReadSummary(SqliteDataReader reader) => new()
    {
        Inbox = new Inbox
        {
            Id = reader.GetText("id"),
            OrganizationId = reader.GetText("organization_id"),
            Name = reader.GetNullableText("name"),
            CreatedAt = reader.GetTime("created_at"),
        },
        RequestCount = reader.GetLong("request_count"),
        LastRequestAt = reader.GetNullableTime("last_request_at"),
    };

    private static InboxRequest Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetText("id"),
        InboxId = reader.GetText("inbox_id"),
        Method = reader.GetText("method"),
        Path = reader.GetText("path"),
        Query = reader.GetText("query"),
        Headers = reader.GetHeaders("headers"),
        Body = reader.GetText("body"),
        Size = reader.GetLong("size"),
        RemoteAddress = reader.GetNullableText("remote_address"),
        ReceivedAt = reader.GetTime("received_at"),
    };
}
