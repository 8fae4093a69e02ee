using Microsoft.Extensions.DependencyInjection;

namespace Herald.Storage.Protection;

/// <summary>Puts <see cref="ProtectedWebhookStore"/> in front of the registered webhook store.</summary>
public static class ProtectionServiceCollectionExtensions
{
    /// <summary>Decorates the registered <see cref="IWebhookStore"/>; call after the store is added.</summary>
    public static IServiceCollection AddSecretProtection(this IServiceCollection services, SecretProtector protector)
    {
        ArgumentNullException.ThrowIfNull(services);
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IWebhookStore))
            ?? throw new InvalidOperationException("Add a store before protecting its secrets.");
        services.Remove(inner);
        services.AddSingleton(protector);
        services.AddSingleton<IWebhookStore>(sp => new ProtectedWebhookStore(Resolve(sp, inner), protector));
        return services;
    }

    private static IWebhookStore Resolve(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (IWebhookStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
