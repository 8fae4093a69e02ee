namespace Herald.Storage;

/// <summary>A test inbox an organization created (<c>POST /v1/inboxes</c>).</summary>
public sealed record Inbox
{
    /// <summary>Unique across organizations: the <see cref="InboxRequest.InboxId"/> its requests carry.</summary>
    public required string Id { get; init; }
    /// <summary>The organization that created it; only that organization lists it.</summary>
    public required string OrganizationId { get; init; }
    /// <summary>An optional label.</summary>
    public string? Name { get; init; }
    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
