using System.Text.Json;
using Herald.Storage;

namespace Herald.Api.Events;

/// <summary>One event as sent to one webhook: the payload once, and every attempt.</summary>
public sealed record EventDetail(
    string EventId,
    string DeliveryId,
    string WebhookId,
    string EventCategory,
    DateTimeOffset OccurredAt,
    DeliveryState Outcome,
    int AttemptCount,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    JsonElement Payload,
    IReadOnlyList<AttemptDto> Attempts);
