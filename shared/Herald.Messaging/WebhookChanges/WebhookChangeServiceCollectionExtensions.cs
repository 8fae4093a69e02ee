using Herald.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Messaging.WebhookChanges;

/// <summary>Puts <see cref="AnnouncingWebhookStore"/> in front of the registered webhook store.</summary>
public static class WebhookChangeServiceCollectionExtensions
{
    /// <summary>Decorates the registered <see cref="IWebhookStore"/>; call after the store is added.</summary>
    public static IServiceCollection AddWebhookChangeAnnouncements(this IServiceCollection services) =>
        services.DecorateWebhookStore((sp, inner) =>
            new AnnouncingWebhookStore(inner, sp, sp.GetRequiredService<ILogger<AnnouncingWebhookStore>>()));
}
