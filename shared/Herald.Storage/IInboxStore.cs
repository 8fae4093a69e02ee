namespace Herald.Storage;

/// <summary>Herald's test inboxes and the requests they received.</summary>
public interface IInboxStore
{
    /// <summary>Stores a newly created inbox.</summary>
    Task CreateInboxAsync(Inbox inbox, CancellationToken cancellationToken);

    /// <summary>True when the inbox (its stored id, <c>organization/inbox</c>) was created.</summary>
    Task<bool> InboxExistsAsync(string inboxId, CancellationToken cancellationToken);

    /// <summary>
    /// The organization's inboxes, newest first, at most <paramref name="limit"/>, each with its
    /// request count and the time of its newest request.
    /// </summary>
    Task<IReadOnlyList<InboxSummary>> ListInboxesAsync(string organizationId, int limit, CancellationToken cancellationToken);

    /// <summary>Stores a received request.</summary>
    Task AddAsync(InboxRequest request, CancellationToken cancellationToken);

    /// <summary>An inbox's requests, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<InboxRequest>> ListAsync(string inboxId, int limit, CancellationToken cancellationToken);

    /// <summary>One request of an inbox, or null.</summary>
    Task<InboxRequest?> GetAsync(string inboxId, string id, CancellationToken cancellationToken);
}
