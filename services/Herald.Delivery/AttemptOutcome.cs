using System.Globalization;
using Herald.Storage;

namespace Herald.Delivery;

/// <summary>
/// Where an attempt leaves its delivery: 2xx succeeds; 410 Gone parks it (the webhook is
/// disabled); anything else retries on the schedule until it is exhausted, waiting at least a
/// 429's or 503's <c>Retry-After</c> (capped).
/// </summary>
public static class AttemptOutcome
{
    /// <summary>The delivery's next state and, when retrying, when.</summary>
    public static (DeliveryState State, DateTimeOffset? NextAttemptAt) Decide(
        SendResult result, int attemptNumber, DateTimeOffset now, RetrySchedule schedule, DeliveryOptions options, double random)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(options);
        if (result.Succeeded)
        {
            return (DeliveryState.Succeeded, null);
        }

        if (result.Response?.StatusCode == 410)
        {
            return (DeliveryState.Parked, null);
        }

        if (schedule.NextAttemptAt(attemptNumber, now, options.RetryJitter, random) is not { } next)
        {
            return (DeliveryState.Failed, null);
        }

        if (result.Response is { StatusCode: 429 or 503 } response && RetryAfter(response.Headers, now) is { } wait)
        {
            var capped = wait < options.MaxRetryAfter ? wait : options.MaxRetryAfter;
            next = now + capped > next ? now + capped : next;
        }

        return (DeliveryState.Retrying, next);
    }

    /// <summary>The <c>Retry-After</c> wait (delta-seconds or HTTP-date), or null when absent or unreadable.</summary>
    public static TimeSpan? RetryAfter(IReadOnlyList<WebhookHeader> headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var value = headers.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(365).TotalSeconds));
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }
}
