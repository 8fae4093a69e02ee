using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Herald.ServiceDefaults;

/// <summary>HTTP conventions shared by the ingest and api roles.</summary>
public static class HttpDefaultsExtensions
{
    /// <summary>The tag of the checks <c>/healthz/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>snake_case JSON, enums as snake_case strings, ProblemDetails for errors.</summary>
    public static IServiceCollection AddHeraldHttpDefaults(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        services.AddProblemDetails();
        return services;
    }

    /// <summary>Applies Herald's JSON conventions to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }

    /// <summary>
    /// Maps <c>/healthz</c>, which answers once the process has started (liveness), and
    /// <c>/healthz/ready</c>, which runs the checks tagged <c>ready</c> (the store, the bus) and
    /// answers 200 when all pass, 503 otherwise, with each check's status in JSON.
    /// </summary>
    public static WebApplication MapHeraldHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", () => TypedResults.Text("ok")).ExcludeFromDescription();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        });
        return app;
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = Name(report.Status),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = Name(entry.Value.Status), description = entry.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
}
