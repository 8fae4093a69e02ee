using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.ServiceDefaults;

/// <summary>HTTP conventions shared by the ingest and api roles.</summary>
public static class HttpDefaultsExtensions
{
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

    /// <summary>Maps <c>/healthz</c>, which answers once the process has started.</summary>
    public static WebApplication MapHeraldHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", () => TypedResults.Text("ok")).ExcludeFromDescription();
        return app;
    }
}
