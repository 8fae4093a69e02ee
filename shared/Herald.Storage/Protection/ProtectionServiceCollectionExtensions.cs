using Microsoft.Extensions.DependencyInjection;

namespace Herald.Storage.Protection;

/// <summary>Puts <see cref="ProtectedWebhookStore"/> in front of the registered webhook store.</summary>
public static class ProtectionServiceCollectionExtensions
{
    /// <summary>Decorates the registered <see cref="IWebhookStore"/>; call after the store is added.</summary>
    public static IServiceCollection AddSecretProtection(this IServiceCollection services, SecretProtector protector)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(protector);
        return services.DecorateWebhookStore((_, inner) => new ProtectedWebhookStore(inner, protector));
    }
}
