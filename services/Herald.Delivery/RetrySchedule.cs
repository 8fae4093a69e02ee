using System.Globalization;
using Herald.ServiceDefaults;

namespace Herald.Delivery;

/// <summary>
/// The delay before each attempt. Entry 0 is the first attempt (normally immediate); a delivery
/// gets as many attempts as there are entries. Delays are jittered so retries spread out.
/// </summary>
public sealed class RetrySchedule
{
    private readonly TimeSpan[] delays;

    /// <summary>Creates a schedule from delays.</summary>
    public RetrySchedule(IReadOnlyList<TimeSpan> delays)
    {
        ArgumentNullException.ThrowIfNull(delays);
        if (delays.Count == 0)
        {
            throw new ArgumentException("A retry schedule needs at least one attempt.", nameof(delays));
        }

        this.delays = [.. delays];
    }

    /// <summary>The delays, first attempt first.</summary>
    public IReadOnlyList<TimeSpan> Delays => delays;

    /// <summary>How many attempts a delivery gets.</summary>
    public int MaxAttempts => delays.Length;

    /// <summary>
    /// When the attempt after <paramref name="attemptsMade"/> is due, or null when the schedule is exhausted.
    /// <paramref name="random"/> is a value in [0, 1) that places the jitter.
    /// </summary>
    public DateTimeOffset? NextAttemptAt(int attemptsMade, DateTimeOffset now, double jitter, double random)
    {
        if (attemptsMade >= delays.Length)
        {
            return null;
        }

        var delay = delays[attemptsMade];
        var factor = 1 + (jitter * ((2 * random) - 1));
        return now + TimeSpan.FromTicks((long)(delay.Ticks * factor));
    }

    /// <summary>Parses <c>0s,5s,5m,30m,2h,5h,10h,10h</c> (units ms, s, m, h, d); errors name the setting.</summary>
    public static RetrySchedule Parse(string value, string setting = "Delivery:RetrySchedule")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidSettingException($"{setting} is empty; give at least one delay, such as 0s.");
        }

        var delays = new List<TimeSpan>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            delays.Add(ParseDuration(part) ?? throw new InvalidSettingException(
                $"{setting}: '{part}' is not a duration; use a whole number with ms, s, m, h or d, such as 5s or 30m."));
        }

        return delays.Count == 0
            ? throw new InvalidSettingException($"{setting} is empty; give at least one delay, such as 0s.")
            : new RetrySchedule(delays);
    }

    private static TimeSpan? ParseDuration(string text)
    {
        var unitStart = 0;
        while (unitStart < text.Length && char.IsAsciiDigit(text[unitStart]))
        {
            unitStart++;
        }

        if (unitStart == 0 || !long.TryParse(text.AsSpan(0, unitStart), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > 1_000_000)
        {
            return null;
        }

        return text[unitStart..] switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => null,
        };
    }
}
