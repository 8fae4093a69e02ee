using Microsoft.Extensions.Hosting;

namespace Herald.Storage;

/// <summary>Runs the store initializer before any role starts.</summary>
internal sealed class StoreInitializerService(IStoreInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
