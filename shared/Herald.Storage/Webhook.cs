namespace Herald.Storage;

/// <summary>An endpoint an organization registered to receive events.</summary>
public sealed record Webhook
{
    /// <summary><c>wh_&lt;uuid&gt;</c>.</summary>
    public required string Id { get; init; }
    /// <summary>The owning organization; every query is scoped by it.</summary>
    public required string OrganizationId { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    /// <summary>Where events are POSTed.</summary>
    public required string Url { get; init; }
    /// <summary>Custom headers sent with every request, in the order given.</summary>
    public required IReadOnlyList<WebhookHeader> Headers { get; init; }
    /// <summary>Event categories the webhook subscribes to, such as <c>audit_log_creation</c>.</summary>
    public required IReadOnlyList<string> EventCategories { get; init; }
    /// <summary>Secure mode: https only, certificates validated, requests signed.</summary>
    public required bool Secure { get; init; }
    /// <summary>Disabled webhooks get no new deliveries.</summary>
    public required bool Enabled { get; init; }
    /// <summary>The Standard Webhooks signing secret, <c>whsec_&lt;base64&gt;</c>.</summary>
    public required string Secret { get; init; }
    /// <summary>The secret before the last rotation, still signed with until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; init; }
    /// <summary>End of the rotation grace period.</summary>
    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }
    /// <summary>
    /// Why Herald disabled it (410 Gone, or failing for too long); null when it is enabled or an
    /// admin disabled it. Deliveries to a webhook Herald disabled are parked, not dropped, and
    /// replay when it is enabled again.
    /// </summary>
    public string? DisabledReason { get; init; }
    /// <summary>When Herald disabled it.</summary>
    public DateTimeOffset? DisabledAt { get; init; }
    /// <summary>Start of the current run of failed attempts with no success; null while healthy.</summary>
    public DateTimeOffset? FailingSince { get; init; }
    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When it was last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
