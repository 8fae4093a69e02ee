using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.UnitTests.Tenancy;

/// <summary>
/// The routes the running app really maps, read from its <see cref="EndpointDataSource"/>, as
/// <c>METHOD /pattern/{}</c> keys (parameter names and trailing slashes dropped), so a route
/// table in a spec can be checked against them and a route added later without a case is noticed.
/// </summary>
internal static partial class AppRoutes
{
    public static IReadOnlyList<string> Under(IServiceProvider services, string prefix) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && Normalize(raw).StartsWith(prefix, StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => $"{method} {Normalize(e.RoutePattern.RawText!)}"))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary><c>/v1/webhooks/{webhookId}/events/</c> → <c>/v1/webhooks/{}/events</c>.</summary>
    public static string Normalize(string pattern)
    {
        var text = Parameter().Replace(pattern, "{}");
        text = "/" + text.Trim('/');
        return text;
    }

    /// <summary>A concrete path for a normalized pattern, every parameter filled with <paramref name="value"/>.</summary>
    public static string Fill(string pattern, string value) => pattern.Replace("{}", value, StringComparison.Ordinal);

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
