using Herald.Contracts;
using Herald.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Messaging;

/// <summary>Adds the bus on the configured transport with the consumers the roles registered.</summary>
public static class MessagingHostBuilderExtensions
{
    /// <summary>The setting that selects the transport.</summary>
    public const string TransportSetting = "Transport";

    /// <summary>Reads <c>Transport</c>; a value that names no transport stops start-up.</summary>
    public static TransportKind GetTransport(this IConfiguration configuration)
    {
        var value = configuration[TransportSetting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return TransportKind.InMemory;
        }

        return Enum.TryParse<TransportKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new InvalidSettingException($"{TransportSetting}: '{value}' is not a transport; use InMemory or RabbitMq.");
    }

    /// <summary>Adds MassTransit once, on the configured transport, with every role's consumers.</summary>
    public static IHostApplicationBuilder AddHeraldMessaging(this IHostApplicationBuilder builder, HeraldBusBuilder bus)
    {
        var transport = builder.Configuration.GetTransport();
        builder.Services.AddValidatedOptions<RabbitMqOptions>(RabbitMqOptions.Section);
        var rabbit = builder.Configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();

        builder.Services.AddReceiveObserver<PoisonMessageObserver>();
        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            x.AddConfigureEndpointsCallback((context, _, endpoint) =>
                endpoint.ConfigureDeadLetter(p => p.UseFilter(new SkippedMessageFilter(context.GetRequiredService<ILogger<SkippedMessageFilter>>()))));
            foreach (var registration in bus.Registrations)
            {
                registration(x);
            }

            if (transport == TransportKind.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    ConfigureHost(cfg, rabbit.Url);
                    cfg.PrefetchCount = rabbit.PrefetchCount;
                    cfg.Message<AuditLogRecorded>(m => m.SetEntityName(Endpoints.AuditLogRecordedExchange));
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.Message<AuditLogRecorded>(m => m.SetEntityName(Endpoints.AuditLogRecordedExchange));
                    cfg.ConfigureEndpoints(context);
                });
            }
        });

        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            // Start-up waits for the broker so a role never reports ready without it.
            o.WaitUntilStarted = true;
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    private static void ConfigureHost(IRabbitMqBusFactoryConfigurator cfg, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
        {
            throw new InvalidSettingException($"{RabbitMqOptions.Section}:Url: '{Redact(url)}' is not an amqp:// or amqps:// URL.");
        }

        var userInfo = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
        var virtualHost = uri.AbsolutePath.Length > 1 ? Uri.UnescapeDataString(uri.AbsolutePath[1..]) : "/";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (uri.Scheme == "amqps" ? 5671 : 5672) : uri.Port;
        cfg.Host(uri.Host, (ushort)port, virtualHost, h =>
        {
            if (userInfo[0].Length > 0)
            {
                h.Username(userInfo[0]);
                h.Password(userInfo.Length > 1 ? userInfo[1] : string.Empty);
            }

            if (uri.Scheme == "amqps")
            {
                h.UseSsl(s => s.Protocol = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
            }

            h.PublisherConfirmation = true;
        });
    }

    private static string Redact(string url) => url.Contains('@', StringComparison.Ordinal) ? "amqp://***@" + url[(url.IndexOf('@', StringComparison.Ordinal) + 1)..] : url;
}
