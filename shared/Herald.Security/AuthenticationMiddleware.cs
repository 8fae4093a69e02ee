using Herald.Messaging;
using Herald.ServiceDefaults;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Security;

/// <summary>Reads the bearer token once per request and leaves the <see cref="Caller"/> for the endpoints.</summary>
public static class AuthenticationMiddleware
{
    private const string ItemKey = "herald.caller";

    /// <summary>Registers the authenticator.</summary>
    public static IServiceCollection AddHeraldAuthentication(this IServiceCollection services)
    {
        services.AddValidatedOptions<ApiKeyCacheOptions>(ApiKeyCacheOptions.Section);
        services.TryAddSingleton<CallerAuthenticator>();
        services.TryAddSingleton<ApiKeyRevocations>();
        return services;
    }

    /// <summary>Has this process hear every key revocation, on a queue of its own.</summary>
    public static HeraldBusBuilder AddApiKeyRevocations(this HeraldBusBuilder bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        return bus.AddConsumers(x => x.AddConsumer<ApiKeyRevokedConsumer, ApiKeyRevokedConsumerDefinition>());
    }

    /// <summary>Authenticates every request that carries <c>Authorization: Bearer</c>.</summary>
    public static IApplicationBuilder UseHeraldAuthentication(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                var authenticator = context.RequestServices.GetRequiredService<CallerAuthenticator>();
                context.Items[ItemKey] = await authenticator.AuthenticateAsync(header["Bearer ".Length..].Trim(), context.RequestAborted);
            }

            await next(context);
        });

    /// <summary>The authenticated caller of the request, or null.</summary>
    public static Caller? CallerOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var caller) ? caller as Caller : null;
    }

    /// <summary>401 with a <c>WWW-Authenticate: Bearer</c> challenge.</summary>
    public static IResult Unauthorized(string detail) => new ChallengeResult(detail);

    private sealed class ChallengeResult(string detail) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(title: "Authentication required", detail: detail, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(httpContext);
        }
    }
}
