using System.Text.Json.Serialization;
using Herald.Storage;

namespace Herald.Api.Webhooks;

/// <summary>
/// A webhook as the API shows it. The signing secret appears only when it is created.
/// <c>disabled_reason</c> says why Herald disabled it (410 Gone, or failing too long).
/// </summary>
public sealed record WebhookResponse(
    string Id,
    string OrganizationId,
    string Name,
    string Url,
    IReadOnlyList<HeaderDto> Headers,
    IReadOnlyList<string> EventCategories,
    bool Secure,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset? DisabledAt,
    DateTimeOffset? FailingSince,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The signing secret, returned once on create and copy.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    /// <summary>The response for a stored webhook.</summary>
    public static WebhookResponse From(Webhook webhook, bool withSecret = false)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return new WebhookResponse(
            webhook.Id, webhook.OrganizationId, webhook.Name, webhook.Url,
            webhook.Headers.Select(h => new HeaderDto(h.Key, h.Value)).ToList(),
            webhook.EventCategories, webhook.Secure, webhook.Enabled, webhook.DisabledReason, webhook.DisabledAt, webhook.FailingSince,
            webhook.CreatedAt, webhook.UpdatedAt)
        {
            Secret = withSecret ? webhook.Secret : null,
        };
    }
}
