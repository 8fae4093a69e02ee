using Herald.Storage;
using Microsoft.AspNetCore.Http;

namespace Herald.Api.Inbox;

/// <summary>An inbox, the URL to point a webhook at, and what it has received so far.</summary>
public sealed record InboxResponse(string Id, string? Name, string Url, DateTimeOffset CreatedAt, long RequestCount, DateTimeOffset? LastRequestAt)
{
    /// <summary>The response for a stored inbox; its URL is on the host the caller used.</summary>
    public static InboxResponse From(InboxSummary summary, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(request);
        var inbox = summary.Inbox;
        var id = InboxEndpoints.IdOf(inbox.Id);
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/inbox/{Uri.EscapeDataString(inbox.OrganizationId)}/{id}";
        return new(id, inbox.Name, url, inbox.CreatedAt, summary.RequestCount, summary.LastRequestAt);
    }
}
