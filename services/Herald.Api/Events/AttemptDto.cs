using Herald.Api.Webhooks;
using Herald.Storage;

namespace Herald.Api.Events;

/// <summary>One attempt: what was sent, what came back, how long it took.</summary>
public sealed record AttemptDto(
    int Number,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    double DurationMs,
    bool Succeeded,
    AttemptErrorKind? ErrorKind,
    string? Error,
    string? TraceId,
    AttemptRequestDto Request,
    AttemptResponseDto? Response)
{
    /// <summary>The DTO for a stored attempt.</summary>
    public static AttemptDto From(DeliveryAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var request = new AttemptRequestDto(attempt.Request.Url, attempt.Request.Method, Headers(attempt.Request.Headers), attempt.Request.BodyEventId);
        var response = attempt.Response is { } r ? new AttemptResponseDto(r.StatusCode, Headers(r.Headers), r.Body, r.BodyTruncated) : null;
        return new(attempt.Number, attempt.StartedAt, attempt.CompletedAt, attempt.Duration.TotalMilliseconds, attempt.Succeeded,
            attempt.ErrorKind, attempt.Error, attempt.TraceId, request, response);
    }

    private static List<HeaderDto> Headers(IReadOnlyList<WebhookHeader> headers) => headers.Select(h => new HeaderDto(h.Key, h.Value)).ToList();
}
