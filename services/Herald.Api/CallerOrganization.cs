using Microsoft.AspNetCore.Http;

namespace Herald.Api;

/// <summary>
/// The organization a request acts for. Until organization API keys exist, the caller names it
/// in the <c>X-Herald-Org-Id</c> header; every route reads it here and only here.
/// </summary>
public static class CallerOrganization
{
    /// <summary>The header that names the organization.</summary>
    public const string Header = "X-Herald-Org-Id";

    /// <summary>The caller's organization, or null when the header is missing or malformed.</summary>
    public static string? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.Request.Headers[Header].ToString();
        return value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? value : null;
    }

    /// <summary>The answer when <see cref="Of"/> is null.</summary>
    public static IResult Missing() => TypedResults.Problem(
        title: "Organization required",
        detail: $"Send the organization id in the {Header} header (letters, digits, '-', '_', '.'; at most 128).",
        statusCode: StatusCodes.Status401Unauthorized);
}
