using Herald.Contracts;
using Herald.Storage;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Messaging.WebhookChanges;

/// <summary>
/// Announces every change to an organization's webhooks: listeners in this process hear of it
/// before the write returns, every other process through a published <see cref="WebhooksChanged"/>.
/// This is the explicit invalidation behind fan-out's cached subscriptions.
/// </summary>
public sealed partial class AnnouncingWebhookStore(
    IWebhookStore inner,
    IServiceProvider services,
    ILogger<AnnouncingWebhookStore> logger) : IWebhookStore
{
    /// <inheritdoc />
    public async Task AddAsync(Webhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        await inner.AddAsync(webhook, cancellationToken);
        await AnnounceAsync(webhook.OrganizationId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Webhook?> GetAsync(string organizationId, string id, CancellationToken cancellationToken) =>
        inner.GetAsync(organizationId, id, cancellationToken);

    /// <inheritdoc />
    public Task<Webhook?> FindAsync(string id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Webhook>> ListAsync(string organizationId, CancellationToken cancellationToken) =>
        inner.ListAsync(organizationId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Webhook>> ListSubscribedAsync(string organizationId, string eventCategory, CancellationToken cancellationToken) =>
        inner.ListSubscribedAsync(organizationId, eventCategory, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> UpdateAsync(Webhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var updated = await inner.UpdateAsync(webhook, cancellationToken);
        if (updated)
        {
            await AnnounceAsync(webhook.OrganizationId, cancellationToken);
        }

        return updated;
    }

    // Failing-since marks change nothing fan-out reads.
    /// <inheritdoc />
    public Task MarkFailingAsync(string id, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.MarkFailingAsync(id, since, cancellationToken);

    /// <inheritdoc />
    public Task MarkHealthyAsync(string id, CancellationToken cancellationToken) => inner.MarkHealthyAsync(id, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> DisableAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var disabled = await inner.DisableAsync(id, reason, at, cancellationToken);
        if (disabled && await inner.FindAsync(id, cancellationToken) is { } webhook)
        {
            await AnnounceAsync(webhook.OrganizationId, cancellationToken);
        }

        return disabled;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string organizationId, string id, CancellationToken cancellationToken)
    {
        var deleted = await inner.DeleteAsync(organizationId, id, cancellationToken);
        if (deleted)
        {
            await AnnounceAsync(organizationId, cancellationToken);
        }

        return deleted;
    }

    private async Task AnnounceAsync(string organizationId, CancellationToken cancellationToken)
    {
        foreach (var listener in services.GetServices<IWebhookChangeListener>())
        {
            listener.Invalidate(organizationId);
        }

        try
        {
            await services.GetRequiredService<IBus>().Publish(new WebhooksChanged(organizationId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is stored; other processes' caches catch up when their entries expire
            // (Fanout:WebhookCacheTtl).
            LogNotAnnounced(logger, organizationId, e.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Warning, Message = "A change to the webhooks of {OrganizationId} could not be announced ({Error}); other processes see it when their cache entries expire")]
    private static partial void LogNotAnnounced(ILogger logger, string organizationId, string error);
}
