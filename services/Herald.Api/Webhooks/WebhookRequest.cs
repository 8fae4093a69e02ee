namespace Herald.Api.Webhooks;

/// <summary>The body to create or replace a webhook.</summary>
public sealed record WebhookRequest
{
    /// <summary>Display name.</summary>
    public string? Name { get; init; }
    /// <summary>Where events are POSTed.</summary>
    public string? Url { get; init; }
    /// <summary>Custom headers, in order.</summary>
    public IReadOnlyList<HeaderDto>? Headers { get; init; }
    /// <summary>Subscribed categories; <c>audit_log_creation</c> when omitted.</summary>
    public IReadOnlyList<string>? EventCategories { get; init; }
    /// <summary>Secure mode; on when omitted.</summary>
    public bool? Secure { get; init; }
    /// <summary>Enabled; on when omitted.</summary>
    public bool? Enabled { get; init; }
}
