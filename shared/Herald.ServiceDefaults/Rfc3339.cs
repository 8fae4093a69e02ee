using System.Globalization;
using System.Text.RegularExpressions;

namespace Herald.ServiceDefaults;

/// <summary>
/// RFC 3339 date-times as upstreams send them, offset required
/// (https://www.rfc-editor.org/rfc/rfc3339#section-5.6). Go and others send nanoseconds, more
/// than the 100 ns a DateTimeOffset holds, so the text is what Herald keeps and delivers.
/// </summary>
public static partial class Rfc3339
{
    /// <summary>The instant, to 100 ns, or null when <paramref name="value"/> is not RFC 3339 with an offset.</summary>
    public static DateTimeOffset? Parse(string? value) => Read(value)?.Instant;

    /// <summary>
    /// <paramref name="value"/> in UTC with its fraction digits exactly as written, such as
    /// <c>2025-11-12T12:12:48.626967855Z</c> for <c>2025-11-12T15:12:48.626967855+03:00</c>; null
    /// when it is not RFC 3339 with an offset. Offsets are whole minutes, so the fraction never changes.
    /// </summary>
    public static string? ToUtcText(string? value)
    {
        if (Read(value) is not { } read)
        {
            return null;
        }

        var whole = new DateTimeOffset(read.Instant.UtcTicks - (read.Instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return whole.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + read.Fraction + "Z";
    }

    private static (DateTimeOffset Instant, string Fraction)? Read(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var match = Shape().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var fraction = match.Groups["fraction"].Value;
        var normalized = match.Groups["seconds"].Value + (fraction.Length > 8 ? fraction[..8] : fraction) + match.Groups["offset"].Value;
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? (parsed.ToUniversalTime(), fraction)
            : null;
    }

    [GeneratedRegex(@"^(?<seconds>\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2})(?<fraction>\.\d{1,9})?(?<offset>[Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
