using Herald.Storage;

namespace Herald.Api.Webhooks;

/// <summary>The fields of a webhook request after they passed every check.</summary>
public sealed record ValidWebhook(string Name, string Url, IReadOnlyList<WebhookHeader> Headers, IReadOnlyList<string> EventCategories, bool Secure, bool Enabled);
