using System.Globalization;
using System.Text.RegularExpressions;

namespace Herald.Ingest;

/// <summary>
/// RFC 3339 date-times as upstreams send them, offset required. Fractions beyond the 100 ns
/// that DateTimeOffset holds (Go and others send nanoseconds) are cut, not rejected.
/// </summary>
public static partial class Rfc3339
{
    /// <summary>The instant, or null when <paramref name="value"/> is not RFC 3339 with an offset.</summary>
    public static DateTimeOffset? Parse(string? value)
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
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed.ToUniversalTime() : null;
    }

    [GeneratedRegex(@"^(?<seconds>\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2})(?<fraction>\.\d{1,9})?(?<offset>[Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
