namespace Herald.Contracts;

/// <summary>
/// Herald disabled a webhook (it answered 410 Gone, or failed for too long without a success).
/// Its deliveries are parked until it is enabled again. Fan-out turns this into a
/// <c>webhook_disabled</c> event for the organization's webhooks subscribed to it.
/// </summary>
/// <param name="WebhookId">The webhook disabled.</param>
/// <param name="OrganizationId">Its organization.</param>
/// <param name="Url">Its URL.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="DisabledAt">When.</param>
public sealed record WebhookDisabled(string WebhookId, string OrganizationId, string Url, string Reason, DateTimeOffset DisabledAt);
