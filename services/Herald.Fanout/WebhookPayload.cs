using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Herald.Contracts;
using Herald.ServiceDefaults;

namespace Herald.Fanout;

/// <summary>
/// Writes the request body exactly as the reference page shows it: snake_case keys in this
/// order, <c>date</c> as the upstream's instant in UTC, <c>occurred_at</c> to the millisecond.
/// Serialized once per event; every delivery sends these bytes.
/// </summary>
public static class WebhookPayload
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // A request body, not HTML: keep '+', '<', '&' and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The UTF-8 JSON body for one event.</summary>
    public static byte[] Serialize(string eventId, string eventCategory, DateTimeOffset occurredAt, AuditLogRecorded record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteStartObject("actor");
            writer.WriteString("ip", record.Actor.Ip);
            writer.WriteString("user_agent", record.Actor.UserAgent);
            writer.WriteString("username", record.Actor.Username);
            writer.WriteEndObject();
            writer.WriteString("date", Rfc3339.ToUtcText(record.Date)
                ?? throw new FormatException($"AuditLogRecorded.date '{record.Date}' is not an RFC 3339 date and time with an offset."));
            writer.WriteString("description", record.Description);
            writer.WriteString("event_category", record.EventCategory);
            writer.WriteString("event_name", record.EventName);
            writer.WriteEndObject();
            writer.WriteString("event_category", eventCategory);
            writer.WriteString("event_id", eventId);
            writer.WriteString("occurred_at", FormatOccurredAt(occurredAt));
            writer.WriteString("organization_id", record.OrganizationId);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The body of a <c>webhook_disabled</c> operational event, in the same envelope.</summary>
    public static byte[] SerializeDisabled(string eventId, DateTimeOffset occurredAt, WebhookDisabled disabled)
    {
        ArgumentNullException.ThrowIfNull(disabled);
        var buffer = new ArrayBufferWriter<byte>(384);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteString("webhook_id", disabled.WebhookId);
            writer.WriteString("url", disabled.Url);
            writer.WriteString("reason", disabled.Reason);
            writer.WriteString("disabled_at", FormatOccurredAt(disabled.DisabledAt));
            writer.WriteEndObject();
            writer.WriteString("event_category", "webhook_disabled");
            writer.WriteString("event_id", eventId);
            writer.WriteString("occurred_at", FormatOccurredAt(occurredAt));
            writer.WriteString("organization_id", disabled.OrganizationId);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>occurred_at</c>: UTC, millisecond precision, <c>Z</c> suffix.</summary>
    public static string FormatOccurredAt(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Truncates to the millisecond, the precision <c>occurred_at</c> carries.</summary>
    public static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
