using Herald.Api;
using Herald.Delivery;
using Herald.Fanout;
using Herald.Ingest;
using Herald.Messaging;
using Herald.Messaging.WebhookChanges;
using Herald.Security;
using Herald.ServiceDefaults;
using Herald.Storage.Protection;

namespace Herald.Host;

/// <summary>Composes the configured roles into one web application; each role wires itself.</summary>
public static class HeraldApp
{
    /// <summary>Builds the application; <paramref name="configure"/> lets tests and the demo adjust the builder first.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        var roles = RoleSettings.Read(builder.Configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddHeraldTelemetry(RoleSettings.ServiceName(roles));
        builder.Services.AddHeraldStore(builder.Configuration);
        builder.Services.AddSecretProtection(EncryptionKeySettings.Load(builder.Configuration));
        builder.Services.AddWebhookChangeAnnouncements();
        builder.Services.AddHeraldAuthentication();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [HttpDefaultsExtensions.ReadyTag]);

        var bus = new HeraldBusBuilder();
        if (roles.HasFlag(HeraldRole.Ingest) || roles.HasFlag(HeraldRole.Api))
        {
            // Only the roles that take keys over HTTP remember them.
            bus.AddApiKeyRevocations();
        }

        if (roles.HasFlag(HeraldRole.Ingest))
        {
            builder.AddHeraldIngest();
        }

        if (roles.HasFlag(HeraldRole.Fanout))
        {
            builder.AddHeraldFanout(bus);
        }

        if (roles.HasFlag(HeraldRole.Delivery))
        {
            builder.AddHeraldDelivery(bus);
        }

        if (roles.HasFlag(HeraldRole.Api))
        {
            builder.AddHeraldApi();
        }

        builder.AddHeraldMessaging(bus);

        var app = builder.Build();
        app.MapHeraldHealth();
        app.UseHeraldAuthentication();
        if (roles.HasFlag(HeraldRole.Ingest))
        {
            app.MapIngestEndpoints();
        }

        if (roles.HasFlag(HeraldRole.Api))
        {
            app.MapHeraldApi();
        }

        return app;
    }
}
