using Herald.Storage;

namespace Herald.UnitTests.Fanout;

/// <summary>
/// A webhook store that answers only the fan-out lookup and counts its reads; a read can be
/// held until the test releases it.
/// </summary>
internal sealed class SubscriptionStore : IWebhookStore
{
    private readonly List<(string Organization, string Id, string Category, bool Enabled)> subscriptions = [];
    private TaskCompletionSource? hold;

    public int Reads { get; private set; }

    public void Subscribe(string organization, string id, bool enabled = true, string category = EventCategories.AuditLogCreation) =>
        subscriptions.Add((organization, id, category, enabled));

    public TaskCompletionSource HoldNextRead() => hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<IReadOnlyList<Webhook>> ListSubscribedAsync(string organizationId, string eventCategory, CancellationToken cancellationToken)
    {
        Reads++;
        var snapshot = subscriptions
            .Where(s => s.Organization == organizationId && s.Category == eventCategory)
            .Select(s => Webhook(s.Organization, s.Id, s.Category, s.Enabled))
            .ToList();
        if (hold is { } held)
        {
            hold = null;
            await held.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }

        return snapshot;
    }

    private static Webhook Webhook(string organization, string id, string category, bool enabled) => new()
    {
        Id = id, OrganizationId = organization, Name = id, Url = "https://example.com/" + id, Headers = [],
        EventCategories = [category], Secure = true, Enabled = enabled, Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        DisabledReason = enabled ? null : "410 Gone", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    public Task AddAsync(Webhook webhook, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Webhook?> GetAsync(string organizationId, string id, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Webhook?> FindAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<Webhook>> ListAsync(string organizationId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<bool> UpdateAsync(Webhook webhook, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task MarkFailingAsync(string id, DateTimeOffset since, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task MarkHealthyAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<bool> DisableAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<bool> DeleteAsync(string organizationId, string id, CancellationToken cancellationToken) => throw new NotSupportedException();
}
