using Herald.Storage;

namespace Herald.Delivery;

/// <summary>The headers of a webhook request, in the order they are sent and recorded.</summary>
public static class WebhookRequestHeaders
{
    /// <summary>The <c>User-Agent</c> Herald sends.</summary>
    public const string UserAgent = "Herald-Webhook/1.0";

    /// <summary>The organization header.</summary>
    public const string OrganizationHeader = "X-Herald-Org-Id";

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "User-Agent", "Host", "Transfer-Encoding", "Connection", OrganizationHeader,
        "webhook-id", "webhook-timestamp", "webhook-signature",
    };

    /// <summary>True when Herald sets this header itself, so a custom header of that name is not sent.</summary>
    public static bool IsReserved(string name) => Reserved.Contains(name);

    /// <summary>
    /// <c>Content-Type</c>, the webhook's custom headers, <c>User-Agent</c>, <c>X-Herald-Org-Id</c>,
    /// then the Standard Webhooks headers.
    /// </summary>
    public static IReadOnlyList<WebhookHeader> Build(Webhook webhook, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var headers = new List<WebhookHeader>(webhook.Headers.Count + 6) { new("Content-Type", "application/json") };
        headers.AddRange(webhook.Headers.Where(h => !IsReserved(h.Key)));
        headers.Add(new("User-Agent", UserAgent));
        headers.Add(new(OrganizationHeader, webhook.OrganizationId));
        headers.Add(new("webhook-id", messageId));
        headers.Add(new("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var signature = WebhookSignature.Sign(webhook.Secret, messageId, timestamp, body);
        if (webhook.PreviousSecret is { } previous && webhook.PreviousSecretExpiresAt > DateTimeOffset.FromUnixTimeSeconds(timestamp))
        {
            // During a rotation's grace period both signatures go out, space-separated, so a
            // receiver still verifying with the old secret keeps accepting (Standard Webhooks).
            signature += " " + WebhookSignature.Sign(previous, messageId, timestamp, body);
        }

        headers.Add(new("webhook-signature", signature));
        return headers;
    }
}
