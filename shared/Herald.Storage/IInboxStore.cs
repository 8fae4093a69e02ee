namespace Herald.Storage;

/// <summary>Requests received by Herald's test inbox.</summary>
public interface IInboxStore
{
    /// <summary>Stores a received request.</summary>
    Task AddAsync(InboxRequest request, CancellationToken cancellationToken);

    /// <summary>An inbox's requests, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<InboxRequest>> ListAsync(string inboxId, int limit, CancellationToken cancellationToken);

    /// <summary>One request of an inbox, or null.</summary>
    Task<InboxRequest?> GetAsync(string inboxId, string id, CancellationToken cancellationToken);
}
