namespace Herald.Storage;

/// <summary>Registered webhooks. Every read and write but <see cref="FindAsync"/> is scoped by organization.</summary>
public interface IWebhookStore
{
    /// <summary>Stores a new webhook.</summary>
    Task AddAsync(Webhook webhook, CancellationToken cancellationToken);

    /// <summary>The organization's webhook with this id, or null.</summary>
    Task<Webhook?> GetAsync(string organizationId, string id, CancellationToken cancellationToken);

    /// <summary>The webhook with this id whatever its organization, for the delivery role.</summary>
    Task<Webhook?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The organization's webhooks, oldest first.</summary>
    Task<IReadOnlyList<Webhook>> ListAsync(string organizationId, CancellationToken cancellationToken);

    /// <summary>
    /// The organization's webhooks subscribed to <paramref name="eventCategory"/> that are enabled
    /// or that Herald disabled (<see cref="Webhook.DisabledReason"/> set: their deliveries are
    /// parked). Webhooks an admin disabled are left out.
    /// </summary>
    Task<IReadOnlyList<Webhook>> ListSubscribedAsync(string organizationId, string eventCategory, CancellationToken cancellationToken);

    /// <summary>Replaces the webhook with the same organization and id; false when there is none.</summary>
    Task<bool> UpdateAsync(Webhook webhook, CancellationToken cancellationToken);

    /// <summary>Sets <see cref="Webhook.FailingSince"/> to <paramref name="since"/> unless it is already set.</summary>
    Task MarkFailingAsync(string id, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Clears <see cref="Webhook.FailingSince"/> if it is set.</summary>
    Task MarkHealthyAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Disables an enabled webhook with a reason (Herald's own decision); true only for the call
    /// that changed it, so one worker reports it.
    /// </summary>
    Task<bool> DisableAsync(string id, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes the organization's webhook; false when there is none.</summary>
    Task<bool> DeleteAsync(string organizationId, string id, CancellationToken cancellationToken);
}
