namespace Herald.Contracts;

/// <summary>
/// An organization's webhooks changed (created, edited, deleted, or disabled by Herald). Every
/// fan-out process drops what it cached of that organization's subscriptions.
/// </summary>
/// <param name="OrganizationId">The organization whose webhooks changed.</param>
public sealed record WebhooksChanged(string OrganizationId);
