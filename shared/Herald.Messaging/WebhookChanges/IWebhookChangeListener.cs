namespace Herald.Messaging.WebhookChanges;

/// <summary>Something in this process that keeps webhook state and must hear of changes at once.</summary>
public interface IWebhookChangeListener
{
    /// <summary>The organization's webhooks changed: forget what was read of them.</summary>
    void Invalidate(string organizationId);
}
