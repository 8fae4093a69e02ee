using Herald.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace Herald.Delivery;

/// <summary>
/// Events are immutable and one event goes to many webhooks, so workers keep recent ones in
/// memory, bounded by payload bytes.
/// </summary>
public sealed class EventPayloadCache(IEventStore events) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 32 * 1024 * 1024 });

    /// <summary>The event, from memory when recently used.</summary>
    public async Task<WebhookEvent?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(eventId, out WebhookEvent? cached))
        {
            return cached;
        }

        var loaded = await events.GetAsync(eventId, cancellationToken);
        if (loaded is not null)
        {
            cache.Set(eventId, loaded, new MemoryCacheEntryOptions
            {
                Size = loaded.Payload.Length + 256,
                SlidingExpiration = TimeSpan.FromMinutes(10),
            });
        }

        return loaded;
    }

    /// <inheritdoc />
    public void Dispose() => cache.Dispose();
}
