using Herald.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.StoreTests.Contract;

/// <summary>
/// The base of every contract fixture: each test gets a fresh, initialized database from the
/// engine, so the same specs run on every store implementation.
/// </summary>
public abstract class StoreContract(IStoreTestEngine engine)
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(60);

    private ServiceProvider? services;
    private CancellationTokenSource? timeout;

    /// <summary>Bounds every store call of the running test.</summary>
    protected CancellationToken Ct => timeout?.Token ?? throw new InvalidOperationException("No test is running.");

    protected IServiceProvider Services => services ?? throw new InvalidOperationException("No test is running.");

    protected IWebhookStore Webhooks => Services.GetRequiredService<IWebhookStore>();

    protected IEventStore Events => Services.GetRequiredService<IEventStore>();

    protected IDeliveryStore Deliveries => Services.GetRequiredService<IDeliveryStore>();

    protected IAttemptStore Attempts => Services.GetRequiredService<IAttemptStore>();

    protected IInboxStore Inbox => Services.GetRequiredService<IInboxStore>();

    protected IStoreInitializer Initializer => Services.GetRequiredService<IStoreInitializer>();

    /// <summary>The abstract factory: services on a fresh, empty database.</summary>
    protected virtual Task<ServiceProvider> CreateServicesAsync(CancellationToken cancellationToken) =>
        engine.CreateServicesAsync(cancellationToken);

    [OneTimeSetUp]
    public async Task PrepareEngineAsync()
    {
        using var prepareTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await engine.PrepareAsync(prepareTimeout.Token);
    }

    [SetUp]
    public async Task CreateStoreAsync()
    {
        timeout = new CancellationTokenSource(TestTimeout);
        services = await CreateServicesAsync(timeout.Token);
        await Initializer.InitializeAsync(timeout.Token);
    }

    [TearDown]
    public async Task DeleteStoreAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
            services = null;
            using var cleanupTimeout = new CancellationTokenSource(TestTimeout);
            await engine.DeleteDatabaseAsync(cleanupTimeout.Token);
        }

        timeout?.Dispose();
        timeout = null;
    }
}
