using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Storage;

/// <summary>Registration helpers shared by the store implementations.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store initializer as the first hosted service, so the schema exists before
    /// the bus and the roles start.
    /// </summary>
    public static IServiceCollection AddStoreInitialization(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, StoreInitializerService>());
        return services;
    }
}
