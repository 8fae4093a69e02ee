using System.Collections.Concurrent;
using Herald.Messaging.WebhookChanges;
using Herald.ServiceDefaults;
using Herald.Storage;
using Microsoft.Extensions.Options;

namespace Herald.Fanout;

/// <summary>
/// The subscribers of each (organization, event category), read from the store once and kept
/// until the organization's webhooks change (<see cref="Invalidate"/>, driven by
/// <c>WebhooksChanged</c>) or <see cref="FanoutOptions.WebhookCacheTtl"/> passes, whichever
/// comes first. The time limit bounds staleness should an announcement be lost.
/// </summary>
public sealed class SubscriberCache(IWebhookStore webhooks, TimeProvider time, IOptions<FanoutOptions> options) : IWebhookChangeListener
{
    private readonly ConcurrentDictionary<string, Organization> organizations = new(StringComparer.Ordinal);

    /// <summary>The organization's webhooks subscribed to the category, enabled or disabled by Herald.</summary>
    public async Task<IReadOnlyList<Subscriber>> ListAsync(string organizationId, string eventCategory, CancellationToken cancellationToken)
    {
        var ttl = options.Value.WebhookCacheTtl;
        if (ttl <= TimeSpan.Zero)
        {
            return await LoadAsync(organizationId, eventCategory, cancellationToken);
        }

        var now = time.GetUtcNow();
        var organization = organizations.GetOrAdd(organizationId, _ => new Organization());
        if (organization.TryGet(eventCategory, now, out var cached))
        {
            HeraldTelemetry.WebhookCacheLookups.Add(1, new KeyValuePair<string, object?>("herald.cache.hit", true));
            return cached;
        }

        HeraldTelemetry.WebhookCacheLookups.Add(1, new KeyValuePair<string, object?>("herald.cache.hit", false));
        var loaded = await LoadAsync(organizationId, eventCategory, cancellationToken);
        // An invalidation while loading replaced the organization's entry: what was read may be
        // older than the change, so it goes into the orphaned entry and is never served.
        organization.Set(eventCategory, loaded, now + ttl);
        if (organizations.Count > options.Value.WebhookCacheOrganizations)
        {
            organizations.Clear();
        }

        return loaded;
    }

    /// <summary>True while the category's subscribers of the organization are cached.</summary>
    public bool IsCached(string organizationId, string eventCategory) =>
        organizations.TryGetValue(organizationId, out var organization)
        && organization.TryGet(eventCategory, time.GetUtcNow(), out _);

    /// <inheritdoc />
    public void Invalidate(string organizationId)
    {
        ArgumentNullException.ThrowIfNull(organizationId);
        organizations.TryRemove(organizationId, out _);
    }

    private async Task<IReadOnlyList<Subscriber>> LoadAsync(string organizationId, string eventCategory, CancellationToken cancellationToken)
    {
        var subscribed = await webhooks.ListSubscribedAsync(organizationId, eventCategory, cancellationToken);
        return subscribed.Select(w => new Subscriber(w.Id, w.Enabled)).ToArray();
    }

    private sealed class Organization
    {
        private readonly Lock gate = new();
        private readonly Dictionary<string, (IReadOnlyList<Subscriber> Subscribers, DateTimeOffset ExpiresAt)> categories = new(StringComparer.Ordinal);

        public bool TryGet(string category, DateTimeOffset now, out IReadOnlyList<Subscriber> subscribers)
        {
            lock (gate)
            {
                if (categories.TryGetValue(category, out var entry) && now < entry.ExpiresAt)
                {
                    subscribers = entry.Subscribers;
                    return true;
                }
            }

            subscribers = [];
            return false;
        }

        public void Set(string category, IReadOnlyList<Subscriber> subscribers, DateTimeOffset expiresAt)
        {
            lock (gate)
            {
                categories[category] = (subscribers, expiresAt);
            }
        }
    }
}
