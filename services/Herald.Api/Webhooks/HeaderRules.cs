namespace Herald.Api.Webhooks;

/// <summary>Which custom headers a webhook may carry.</summary>
public static class HeaderRules
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "User-Agent",
        "Keep-Alive", "Upgrade", "TE", "Trailer", "Expect", "Proxy-Connection",
    };

    /// <summary>Null when the name is acceptable; otherwise why not.</summary>
    public static string? CheckName(string name)
    {
        if (name.Length == 0)
        {
            return "The header name is required.";
        }

        if (name.Length > 100 || !name.All(IsTokenChar))
        {
            return "Header names are at most 100 token characters (letters, digits and !#$%&'*+-.^_`|~).";
        }

        return Reserved.Contains(name) || name.StartsWith("webhook-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("X-Herald-", StringComparison.OrdinalIgnoreCase)
            ? $"'{name}' is set by Herald and cannot be a custom header."
            : null;
    }

    /// <summary>Null when the value is acceptable; otherwise why not.</summary>
    public static string? CheckValue(string value) =>
        value.Length > 1024 ? "Header values are at most 1024 characters."
        : value.Any(c => c is '\r' or '\n' || (char.IsControl(c) && c is not '\t')) ? "Header values must not contain line breaks or control characters."
        : null;

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}
