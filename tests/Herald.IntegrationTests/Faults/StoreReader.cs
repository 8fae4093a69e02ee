using Herald.Storage;
using Herald.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.IntegrationTests.Faults;

/// <summary>Reads the scenario's shared SQLite file directly, through Herald's own store.</summary>
public sealed class StoreReader : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly IDeliveryStore deliveries;
    private readonly IAttemptStore attempts;

    /// <summary>Opens the store on <paramref name="path"/>.</summary>
    public StoreReader(string path)
    {
        services = new ServiceCollection().AddHeraldSqliteStore(path).BuildServiceProvider();
        deliveries = services.GetRequiredService<IDeliveryStore>();
        attempts = services.GetRequiredService<IAttemptStore>();
    }

    /// <summary>The pairs among <paramref name="pairs"/> whose delivery is not <c>Succeeded</c> yet.</summary>
    public async Task<IReadOnlyList<LedgerPair>> NotSucceededAsync(IEnumerable<KeyValuePair<LedgerPair, string>> pairs, CancellationToken cancellationToken)
    {
        var open = new List<LedgerPair>();
        foreach (var (pair, webhookId) in pairs)
        {
            var delivery = await deliveries.GetAsync(Ids.Delivery(pair.EventId, webhookId), cancellationToken);
            if (delivery?.State != DeliveryState.Succeeded)
            {
                open.Add(pair);
            }
        }

        return open;
    }

    /// <summary>The delivery and attempts of every pair; <paramref name="pairs"/> maps each to its webhook id.</summary>
    public async Task<IReadOnlyList<StoredPair>> ReadAsync(IEnumerable<KeyValuePair<LedgerPair, string>> pairs, CancellationToken cancellationToken)
    {
        var stored = new List<StoredPair>();
        foreach (var (pair, webhookId) in pairs)
        {
            var delivery = await deliveries.GetAsync(Ids.Delivery(pair.EventId, webhookId), cancellationToken);
            var recorded = delivery is null ? [] : await attempts.ListByDeliveryAsync(delivery.Id, cancellationToken);
            stored.Add(new StoredPair(pair, delivery?.Id, delivery?.State, recorded.Count, recorded.Count(a => a.Succeeded)));
        }

        return stored;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => services.DisposeAsync();
}
