using Microsoft.Extensions.DependencyInjection;

namespace Herald.Storage;

/// <summary>Wraps the registered webhook store in another that adds one concern.</summary>
public static class WebhookStoreDecoration
{
    /// <summary>
    /// Replaces the registered <see cref="IWebhookStore"/> with <paramref name="decorate"/>'s
    /// wrapper of it; call after the store is added.
    /// </summary>
    public static IServiceCollection DecorateWebhookStore(
        this IServiceCollection services,
        Func<IServiceProvider, IWebhookStore, IWebhookStore> decorate)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(decorate);
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IWebhookStore))
            ?? throw new InvalidOperationException("Add a webhook store before decorating it.");
        services.Remove(inner);
        services.AddSingleton(sp => decorate(sp, Resolve(sp, inner)));
        return services;
    }

    private static IWebhookStore Resolve(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (IWebhookStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
