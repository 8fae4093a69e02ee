using Herald.Messaging;
using Herald.Messaging.WebhookChanges;
using Herald.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Herald.Fanout;

/// <summary>
/// The fanout role: consumes <c>AuditLogRecorded</c> from <c>herald-fanout</c>, and on a queue of
/// its own per process, <c>WebhooksChanged</c> to keep its cached subscriptions current.
/// </summary>
public static class FanoutHostBuilderExtensions
{
    /// <summary>Adds the fanout consumer and its settings.</summary>
    public static IHostApplicationBuilder AddHeraldFanout(this IHostApplicationBuilder builder, HeraldBusBuilder bus)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(bus);
        builder.Services.AddValidatedOptions<FanoutOptions>(FanoutOptions.Section);
        builder.Services.AddSingleton<SubscriberCache>();
        builder.Services.AddSingleton<IWebhookChangeListener>(sp => sp.GetRequiredService<SubscriberCache>());
        builder.Services.AddSingleton<EventFanout>();
        bus.AddConsumers(x =>
        {
            x.AddConsumer<AuditLogRecordedConsumer, AuditLogRecordedConsumerDefinition>();
            x.AddConsumer<WebhookDisabledConsumer, WebhookDisabledConsumerDefinition>();
            x.AddConsumer<WebhooksChangedConsumer, WebhooksChangedConsumerDefinition>();
        });
        return builder;
    }
}
