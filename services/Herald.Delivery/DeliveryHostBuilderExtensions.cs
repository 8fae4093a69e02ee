using System.Diagnostics;
using Herald.Delivery.Security;
using Herald.Messaging;
using Herald.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Delivery;

/// <summary>The delivery role: consumes <c>DeliverWebhook</c> from <c>herald-delivery</c> and runs the retry scheduler.</summary>
public static class DeliveryHostBuilderExtensions
{
    /// <summary>Adds the delivery consumer, the HTTP sender and the retry scheduler.</summary>
    public static IHostApplicationBuilder AddHeraldDelivery(this IHostApplicationBuilder builder, HeraldBusBuilder bus)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(bus);
        var services = builder.Services;
        services.AddValidatedOptions<DeliveryOptions>(DeliveryOptions.Section);
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddSingleton(sp => RetrySchedule.Parse(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.RetrySchedule));
        services.AddSingleton<EventPayloadCache>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<EndpointGates>();
        services.AddSingleton<EndpointHealth>();
        services.AddSingleton<DeliveryProcessor>();
        services.AddSingleton<RetryScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<RetryScheduler>());
        services.AddSingleton<DeliveryBacklogMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryBacklogMonitor>());

        services.AddHeraldAddressPolicy(builder.Configuration);
        AddClient(services, WebhookSender.SecureClient, tolerateCertificateErrors: false);
        AddClient(services, WebhookSender.InsecureClient, tolerateCertificateErrors: true);

        bus.AddConsumers(x => x.AddConsumer<DeliverWebhookConsumer, DeliverWebhookConsumerDefinition>());
        return builder;
    }

    private static void AddClient(IServiceCollection services, string name, bool tolerateCertificateErrors)
    {
        services.AddHttpClient(name)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => CreateHandler(
                sp.GetRequiredService<IOptions<DeliveryOptions>>().Value, sp.GetRequiredService<GuardedConnector>(), tolerateCertificateErrors))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The factory's default logging writes full URLs, which may carry tokens.
            .RemoveAllLoggers();
    }

    private static SocketsHttpHandler CreateHandler(DeliveryOptions options, GuardedConnector connector, bool tolerateCertificateErrors)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            MaxResponseHeadersLength = 64,

            // Customers get exactly the documented headers: no traceparent or baggage from
            // Herald's own traces (the attempt records its trace id instead).
            ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),

            // Every connection goes through the address policy, on the address dialled.
            ConnectCallback = connector.ConnectAsync,
        };
        if (tolerateCertificateErrors)
        {
#pragma warning disable CA5359 // Secure mode off: the webhook's owner chose to accept any certificate.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        return handler;
    }
}
