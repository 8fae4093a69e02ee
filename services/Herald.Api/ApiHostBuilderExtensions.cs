using Herald.Api.Admin;
using Herald.Api.Console;
using Herald.Api.Events;
using Herald.Api.Inbox;
using Herald.Api.Webhooks;
using Herald.Delivery.Security;
using Herald.Security;
using Herald.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Herald.Api;

/// <summary>The api role: webhook management, the delivery log, the test inbox and the web console.</summary>
public static class ApiHostBuilderExtensions
{
    /// <summary>Adds what the api routes need.</summary>
    public static IHostApplicationBuilder AddHeraldApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHeraldHttpDefaults();
        builder.Services.AddHeraldAddressPolicy(builder.Configuration);
        builder.Services.AddHeraldAuthentication();
        builder.Services.AddOpenApi();
        builder.Services.AddValidatedOptions<ConsoleOptions>(ConsoleOptions.Section);
        return builder;
    }

    /// <summary>Maps every api route.</summary>
    public static IEndpointRouteBuilder MapHeraldApi(this IEndpointRouteBuilder app)
    {
        app.MapWebhookEndpoints();
        app.MapSecretEndpoints();
        app.MapEventEndpoints();
        app.MapDeliveryControlEndpoints();
        app.MapInboxEndpoints();
        app.MapOrganizationEndpoints();
        app.MapConsole();
        app.MapOpenApi("/openapi/v1.json");
        return app;
    }
}
