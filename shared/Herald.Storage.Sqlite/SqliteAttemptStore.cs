using Microsoft.Data.Sqlite;
using static Herald.Storage.Sqlite.SqliteValues;

namespace Herald.Storage.Sqlite;

/// <summary>Attempts, with the request and the optional response flattened into columns.</summary>
internal sealed class SqliteAttemptStore(SqliteDatabase database) : IAttemptStore
{
    private const string Columns = """
        id, delivery_id, event_id, webhook_id, number, request_url, request_method, request_headers, body_event_id,
        response_status_code, response_headers, response_body, response_body_truncated,
        succeeded, error_kind, error, started_at, completed_at, duration, trace_id
        """;

    public Task AddAsync(DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return database.WriteStatementAsync(connection => InsertAsync(connection, attempt, cancellationToken), cancellationToken);
    }

    /// <summary>Inserts the attempt on <paramref name="connection"/>, inside the caller's write.</summary>
    public static async Task<int> InsertAsync(SqliteConnection connection, DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        var response = attempt.Response;
        await using var command = connection.CreateCommand()
            .With("@id", attempt.Id)
            .With("@delivery_id", attempt.DeliveryId)
            .With("@event_id", attempt.EventId)
            .With("@webhook_id", attempt.WebhookId)
            .With("@number", attempt.Number)
            .With("@request_url", attempt.Request.Url)
            .With("@request_method", attempt.Request.Method)
            .With("@request_headers", Json(attempt.Request.Headers))
            .With("@body_event_id", attempt.Request.BodyEventId)
            .With("@response_status_code", response?.StatusCode)
            .With("@response_headers", response is null ? null : Json(response.Headers))
            .With("@response_body", response?.Body)
            .With("@response_body_truncated", response?.BodyTruncated)
            .With("@succeeded", attempt.Succeeded)
            .With("@error_kind", attempt.ErrorKind is { } kind ? Text(kind) : null)
            .With("@error", attempt.Error)
            .With("@started_at", Ticks(attempt.StartedAt))
            .With("@completed_at", Ticks(attempt.CompletedAt))
            .With("@duration", attempt.Duration.Ticks)
            .With("@trace_id", attempt.TraceId);
        command.CommandText = $"""
            INSERT INTO attempts ({Columns})
            VALUES (@id, @delivery_id, @event_id, @webhook_id, @number, @request_url, @request_method, @request_headers, @body_event_id,
                    @response_status_code, @response_headers, @response_body, @response_body_truncated,
                    @succeeded, @error_kind, @error, @started_at, @completed_at, @duration, @trace_id);
            """;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<DeliveryAttempt>> ListByDeliveryAsync(string deliveryId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<DeliveryAttempt>>(
            async connection =>
            {
                await using var command = connection.CreateCommand().With("@delivery_id", deliveryId);
                command.CommandText = $"SELECT {Columns} FROM attempts WHERE delivery_id = @delivery_id ORDER BY number, started_at, id;";
                return await command.ReadAllAsync(Read, cancellationToken);
            },
            cancellationToken);

    private static DeliveryAttempt Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetText("id"),
        DeliveryId = reader.GetText("delivery_id"),
        EventId = reader.GetText("event_id"),
        WebhookId = reader.GetText("webhook_id"),
        Number = reader.GetInt("number"),
        Request = new AttemptRequest(
            reader.GetText("request_url"),
            reader.GetText("request_method"),
            reader.GetHeaders("request_headers"),
            reader.GetText("body_event_id")),
        Response = reader.GetNullableInt("response_status_code") is { } status
            ? new AttemptResponse(status, reader.GetHeaders("response_headers"), reader.GetText("response_body"), reader.GetFlag("response_body_truncated"))
            : null,
        Succeeded = reader.GetFlag("succeeded"),
        ErrorKind = reader.GetNullableEnum<AttemptErrorKind>("error_kind"),
        Error = reader.GetNullableText("error"),
        StartedAt = reader.GetTime("started_at"),
        CompletedAt = reader.GetTime("completed_at"),
        Duration = TimeSpan.FromTicks(reader.GetLong("duration")),
        TraceId = reader.GetNullableText("trace_id"),
    };
}
