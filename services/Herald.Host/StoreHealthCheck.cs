using Herald.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Herald.Host;

/// <summary>Ready only while the store answers a read: one lookup by primary key, bounded in time.</summary>
public sealed class StoreHealthCheck(IOrganizationStore organizations) : IHealthCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await organizations.GetAsync("herald-health-check", limit.Token);
            return HealthCheckResult.Healthy("The store answers.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The store did not answer within {Limit.TotalSeconds:0} s.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The store failed: {e.GetType().Name}.");
        }
    }
}
