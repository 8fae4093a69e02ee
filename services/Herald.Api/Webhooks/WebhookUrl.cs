namespace Herald.Api.Webhooks;

/// <summary>What a webhook URL must be.</summary>
public static class WebhookUrl
{
    /// <summary>Longest accepted URL.</summary>
    public const int MaxLength = 2048;

    /// <summary>Null when the URL is acceptable; otherwise why not.</summary>
    public static string? Check(string? url, bool secure)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "The URL is required.";
        }

        url = url.Trim();
        if (url.Length > MaxLength)
        {
            return $"At most {MaxLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            return "Must be an absolute http:// or https:// URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Must not contain a user name or password; use a custom header for credentials.";
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "Must not contain a fragment (#...).";
        }

        return secure && uri.Scheme != Uri.UriSchemeHttps
            ? "Secure mode needs an https:// URL; turn secure mode off to send to http://."
            : null;
    }
}
