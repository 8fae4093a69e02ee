using Herald.Storage;

namespace Herald.Api.Webhooks;

/// <summary>Checks a webhook request; errors are keyed by the field at fault (<c>headers[1].key</c>).</summary>
public static class WebhookRequestValidator
{
    private const int MaxHeaders = 20;

    /// <summary>The checked values, or the errors.</summary>
    public static (ValidWebhook? Webhook, Dictionary<string, string[]> Errors) Validate(WebhookRequest? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["A JSON object is required."];
            return (null, errors);
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["name"] = ["The name is required."];
        }
        else if (name.Length > 100 || name.Any(char.IsControl))
        {
            errors["name"] = ["At most 100 characters, no control characters."];
        }

        var secure = request.Secure ?? true;
        if (WebhookUrl.Check(request.Url, secure) is { } urlError)
        {
            errors["url"] = [urlError];
        }

        var headers = new List<WebhookHeader>();
        var requested = request.Headers ?? [];
        if (requested.Count > MaxHeaders)
        {
            errors["headers"] = [$"At most {MaxHeaders} headers."];
        }

        for (var i = 0; i < requested.Count && i < MaxHeaders; i++)
        {
            var (key, value) = (requested[i]?.Key?.Trim() ?? string.Empty, requested[i]?.Value ?? string.Empty);
            if (HeaderRules.CheckName(key) is { } keyError)
            {
                errors[$"headers[{i}].key"] = [keyError];
            }
            else if (headers.Any(h => string.Equals(h.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                errors[$"headers[{i}].key"] = [$"'{key}' is given twice."];
            }

            if (HeaderRules.CheckValue(value) is { } valueError)
            {
                errors[$"headers[{i}].value"] = [valueError];
            }

            headers.Add(new WebhookHeader(key, value));
        }

        var categories = request.EventCategories ?? [EventCategories.AuditLogCreation];
        if (categories.Count == 0)
        {
            errors["event_categories"] = ["Choose at least one event category."];
        }
        else if (categories.Any(c => c is null || !EventCategories.All.ContainsKey(c)))
        {
            var unknown = categories.First(c => c is null || !EventCategories.All.ContainsKey(c));
            errors["event_categories"] = [$"Unknown event category '{unknown}'; known: {string.Join(", ", EventCategories.All.Keys)}."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ValidWebhook(name!, request.Url!.Trim(), headers, categories.Distinct(StringComparer.Ordinal).ToList(), secure, request.Enabled ?? true), errors);
    }
}
