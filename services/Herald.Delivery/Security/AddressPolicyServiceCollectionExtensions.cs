using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Delivery.Security;

/// <summary>Registers the address policy from <c>Security:AllowedNetworks</c>, read (and checked) at start.</summary>
public static class AddressPolicyServiceCollectionExtensions
{
    /// <summary>The setting naming the networks an operator allows.</summary>
    public const string AllowedNetworksSetting = "Security:AllowedNetworks";

    /// <summary>Adds <see cref="AddressPolicy"/>, <see cref="IHostResolver"/>, <see cref="GuardedConnector"/> and <see cref="WebhookDestination"/>.</summary>
    public static IServiceCollection AddHeraldAddressPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(AddressPolicy.Parse(configuration[AllowedNetworksSetting]));
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.TryAddSingleton<GuardedConnector>();
        services.TryAddSingleton<WebhookDestination>();
        return services;
    }
}
