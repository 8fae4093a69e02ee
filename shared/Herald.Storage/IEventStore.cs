namespace Herald.Storage;

/// <summary>Events and their payloads, stored once per event.</summary>
public interface IEventStore
{
    /// <summary>
    /// Stores the event unless one with its id exists, and returns the stored one: the given
    /// event when it was added, the earlier one otherwise.
    /// </summary>
    Task<(WebhookEvent Event, bool Added)> AddIfAbsentAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken);

    /// <summary>The event with this id, or null.</summary>
    Task<WebhookEvent?> GetAsync(string id, CancellationToken cancellationToken);
}
