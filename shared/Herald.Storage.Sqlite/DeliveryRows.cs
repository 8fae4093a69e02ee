using Microsoft.Data.Sqlite;
using static Herald.Storage.Sqlite.SqliteValues;

namespace Herald.Storage.Sqlite;

/// <summary>How a <see cref="Delivery"/> maps to a row of <c>deliveries</c>.</summary>
internal static class DeliveryRows
{
    public const string Columns = "id, event_id, webhook_id, organization_id, event_category, occurred_at, state, attempt_count, next_attempt_at, last_status_code, last_error, trace_parent, created_at, updated_at";

    public const string Values = "@id, @event_id, @webhook_id, @organization_id, @event_category, @occurred_at, @state, @attempt_count, @next_attempt_at, @last_status_code, @last_error, @trace_parent, @created_at, @updated_at";

    public const string Assignments = """
        event_id = @event_id, webhook_id = @webhook_id, organization_id = @organization_id,
        event_category = @event_category, occurred_at = @occurred_at, state = @state,
        attempt_count = @attempt_count, next_attempt_at = @next_attempt_at,
        last_status_code = @last_status_code, last_error = @last_error, trace_parent = @trace_parent,
        created_at = @created_at, updated_at = @updated_at
        """;

    public static SqliteCommand Bind(SqliteCommand command, Delivery delivery) => command
        .With("@id", delivery.Id)
        .With("@event_id", delivery.EventId)
        .With("@webhook_id", delivery.WebhookId)
        .With("@organization_id", delivery.OrganizationId)
        .With("@event_category", delivery.EventCategory)
        .With("@occurred_at", Ticks(delivery.OccurredAt))
        .With("@state", Text(delivery.State))
        .With("@attempt_count", delivery.AttemptCount)
        .With("@next_attempt_at", Ticks(delivery.NextAttemptAt))
        .With("@last_status_code", delivery.LastStatusCode)
        .With("@last_error", delivery.LastError)
        .With("@trace_parent", delivery.TraceParent)
        .With("@created_at", Ticks(delivery.CreatedAt))
        .With("@updated_at", Ticks(delivery.UpdatedAt));

    public static Delivery Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetText("id"),
        EventId = reader.GetText("event_id"),
        WebhookId = reader.GetText("webhook_id"),
        OrganizationId = reader.GetText("organization_id"),
        EventCategory = reader.GetText("event_category"),
        OccurredAt = reader.GetTime("occurred_at"),
        State = reader.GetEnum<DeliveryState>("state"),
        AttemptCount = reader.GetInt("attempt_count"),
        NextAttemptAt = reader.GetNullableTime("next_attempt_at"),
        LastStatusCode = reader.GetNullableInt("last_status_code"),
        LastError = reader.GetNullableText("last_error"),
        TraceParent = reader.GetNullableText("trace_parent"),
        CreatedAt = reader.GetTime("created_at"),
        UpdatedAt = reader.GetTime("updated_at"),
    };
}
