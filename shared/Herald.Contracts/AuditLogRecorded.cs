using System.Text.Json.Serialization;

namespace Herald.Contracts;

/// <summary>
/// An upstream service recorded an audit-log entry. Published by upstreams (or by Herald's ingest
/// role) and consumed by the fanout role. The JSON names are the wire names, so non-.NET
/// upstreams can publish the same document as plain JSON.
/// </summary>
public sealed record AuditLogRecorded
{
    /// <summary>
    /// The upstream's id for this record. Fan-out derives the event id from it, so a record
    /// published or delivered twice with the same id yields one event. Optional for plain-JSON
    /// publishers, who may set the AMQP <c>message_id</c> property instead.
    /// </summary>
    [JsonPropertyName("audit_log_id")]
    public Guid? AuditLogId { get; init; }

    /// <summary>The organization the record belongs to.</summary>
    [JsonPropertyName("organization_id")]
    public required string OrganizationId { get; init; }

    /// <summary>Who did it.</summary>
    [JsonPropertyName("actor")]
    public required AuditActor Actor { get; init; }

    /// <summary>
    /// When it happened: an RFC 3339 date and time with an offset, as the upstream wrote it
    /// (<c>2025-11-12T12:12:48.626967855Z</c>; from a DateTimeOffset, <c>ToString("O")</c>).
    /// Text rather than a DateTimeOffset so nanoseconds survive: webhooks receive it in UTC with
    /// the same fraction digits.
    /// </summary>
    [JsonPropertyName("date")]
    public required string Date { get; init; }

    /// <summary>A human-readable description.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; init; }

    /// <summary>The upstream's category, such as <c>user</c>.</summary>
    [JsonPropertyName("event_category")]
    public required string EventCategory { get; init; }

    /// <summary>The upstream's event name, such as <c>login</c>.</summary>
    [JsonPropertyName("event_name")]
    public required string EventName { get; init; }
}
