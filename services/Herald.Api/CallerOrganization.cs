using Herald.Security;
using Microsoft.AspNetCore.Http;

namespace Herald.Api;

/// <summary>
/// The organization a request acts for: the one whose API key it presents
/// (<c>Authorization: Bearer hk_…</c>). Every organization route reads it here and only here,
/// and filters by it, so another organization's ids answer 404.
/// </summary>
public static class CallerOrganization
{
    /// <summary>The caller's organization, or null when no valid organization key was presented.</summary>
    public static string? Of(HttpContext context) => AuthenticationMiddleware.CallerOf(context) is { IsAdmin: false } caller ? caller.OrganizationId : null;

    /// <summary>The answer when <see cref="Of"/> is null.</summary>
    public static IResult Missing() =>
        AuthenticationMiddleware.Unauthorized("Send an organization API key as 'Authorization: Bearer hk_…'; the admin key manages organizations only.");
}
