namespace Herald.Storage.Protection;

/// <summary>
/// Wraps any <see cref="IWebhookStore"/> so signing secrets are encrypted on the way in and
/// decrypted on the way out: the stores, SQLite or MongoDB, only ever hold ciphertext.
/// </summary>
public sealed class ProtectedWebhookStore(IWebhookStore inner, SecretProtector protector) : IWebhookStore
{
    /// <inheritdoc />
    public Task AddAsync(Webhook webhook, CancellationToken cancellationToken) => inner.AddAsync(Protect(webhook), cancellationToken);

    /// <inheritdoc />
    public async Task<Webhook?> GetAsync(string organizationId, string id, CancellationToken cancellationToken) =>
        Unprotect(await inner.GetAsync(organizationId, id, cancellationToken));

    /// <inheritdoc />
    public async Task<Webhook?> FindAsync(string id, CancellationToken cancellationToken) => Unprotect(await inner.FindAsync(id, cancellationToken));

    /// <inheritdoc />
    public async Task<IReadOnlyList<Webhook>> ListAsync(string organizationId, CancellationToken cancellationToken) =>
        (await inner.ListAsync(organizationId, cancellationToken)).Select(w => Unprotect(w)!).ToList();

    /// <inheritdoc />
    public async Task<IReadOnlyList<Webhook>> ListSubscribedAsync(string organizationId, string eventCategory, CancellationToken cancellationToken) =>
        (await inner.ListSubscribedAsync(organizationId, eventCategory, cancellationToken)).Select(w => Unprotect(w)!).ToList();

    /// <inheritdoc />
    public Task<bool> UpdateAsync(Webhook webhook, CancellationToken cancellationToken) => inner.UpdateAsync(Protect(webhook), cancellationToken);

    /// <inheritdoc />
    public Task MarkFailingAsync(string id, DateTimeOffset since, CancellationToken cancellationToken) => inner.MarkFailingAsync(id, since, cancellationToken);

    /// <inheritdoc />
    public Task MarkHealthyAsync(string id, CancellationToken cancellationToken) => inner.MarkHealthyAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<bool> DisableAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.DisableAsync(id, reason, at, cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string organizationId, string id, CancellationToken cancellationToken) => inner.DeleteAsync(organizationId, id, cancellationToken);

    private Webhook Protect(Webhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return webhook with
        {
            Secret = protector.Protect(webhook.Secret, webhook.Id),
            PreviousSecret = webhook.PreviousSecret is null ? null : protector.Protect(webhook.PreviousSecret, webhook.Id),
        };
    }

    private Webhook? Unprotect(Webhook? webhook) => webhook is null ? null : webhook with
    {
        Secret = protector.Unprotect(webhook.Secret, webhook.Id),
        PreviousSecret = webhook.PreviousSecret is null ? null : protector.Unprotect(webhook.PreviousSecret, webhook.Id),
    };
}
