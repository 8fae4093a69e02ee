using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Herald.Api.Console;

/// <summary>
/// The web console: static files embedded in this assembly, so it is served the same whatever
/// the working directory. The files hold no data; every call they make carries the
/// organization key the user typed, and the API decides what it may see.
/// </summary>
public static class ConsoleEndpoints
{
    private const string Prefix = "console/";

    private static readonly Assembly Assembly = typeof(ConsoleEndpoints).Assembly;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    /// <summary>Maps <c>/console/</c> and redirects <c>/</c> to it.</summary>
    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Redirect("/console/")).ExcludeFromDescription();
        app.MapGet("/console/settings.json", Settings).ExcludeFromDescription();
        app.MapGet("/console/{**path}", Serve).ExcludeFromDescription();
        return app;
    }

    // What the page needs to know of the deployment; nothing in it is secret.
    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ConsoleSettings> Settings(IOptions<ConsoleOptions> options, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Json(new ConsoleSettings(options.Value.TraceUrl is { Length: > 0 } url ? url : null));
    }

    private static IResult Serve(string? path, HttpContext context)
    {
        // Routing treats /console and /console/ alike; the page's relative links need the slash.
        if (string.IsNullOrEmpty(path) && !(context.Request.Path.Value ?? string.Empty).EndsWith('/'))
        {
            return TypedResults.Redirect("/console/");
        }

        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (name.Contains("..", StringComparison.Ordinal) || !ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
        {
            return TypedResults.NotFound();
        }

        var stream = Assembly.GetManifestResourceStream(Prefix + name);
        if (stream is null)
        {
            return TypedResults.NotFound();
        }

        // The page runs with the user's key: no framing, no other origin's scripts.
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Stream(stream, contentType);
    }
}
