using Herald.Api.Webhooks;
using Herald.Storage;

namespace Herald.Api.Inbox;

/// <summary>A request the test inbox received.</summary>
public sealed record InboxRequestDto(
    string Id, string InboxId, string Method, string Path, string Query, IReadOnlyList<HeaderDto> Headers,
    string Body, long Size, string? RemoteAddress, DateTimeOffset ReceivedAt)
{
    /// <summary>The DTO for a stored request.</summary>
    public static InboxRequestDto From(InboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.Id, InboxEndpoints.IdOf(request.InboxId), request.Method, request.Path, request.Query,
            request.Headers.Select(h => new HeaderDto(h.Key, h.Value)).ToList(), request.Body, request.Size, request.RemoteAddress, request.ReceivedAt);
    }
}
