using System.Text;
using Herald.Security;
using Herald.ServiceDefaults;
using Herald.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Herald.Api.Inbox;

/// <summary>
/// Herald's test inbox, like webhook.site: <c>/inbox/{organization}/{id}</c> records every
/// request it gets (any method, no key: webhooks post there), and
/// <c>/v1/inboxes/{id}/requests</c> lists them for that organization's key only. An inbox is
/// named within its organization, so one organization never reads another's.
/// </summary>
/// <remarks>
/// <c>POST /v1/inboxes</c> creates an inbox and <c>GET /v1/inboxes</c> lists the organization's.
/// An id that was never created answers 404 and records nothing, so an anonymous sender can
/// neither make up inboxes nor fill an organization's store through them.
/// </remarks>
public static class InboxEndpoints
{
    private const int MaxBodyBytes = 256 * 1024;

    /// <summary>Maps the inbox routes.</summary>
    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder app)
    {
        app.Map("/inbox/{organizationId}/{inboxId}", ReceiveAsync).WithTags("Inbox").WithName("InboxReceive").ExcludeFromDescription();
        app.Map("/inbox/{organizationId}/{inboxId}/{**rest}", ReceiveAsync).WithTags("Inbox").ExcludeFromDescription();
        var group = app.MapGroup("/v1/inboxes").WithTags("Inbox").AddEndpointFilter(async (context, next) =>
            CallerOrganization.Of(context.HttpContext) is null ? CallerOrganization.Missing() : await next(context))
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/", CreateAsync).WithName("CreateInbox").Accepts<CreateInboxRequest>(isOptional: true, "application/json")
            .Produces<InboxResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapGet("/", ListInboxesAsync).WithName("ListInboxes").Produces<IReadOnlyList<InboxResponse>>().ProducesValidationProblem();
        group.MapGet("/{inboxId}/requests", ListAsync).WithName("ListInboxRequests")
            .Produces<IReadOnlyList<InboxRequestDto>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{inboxId}/requests/{requestId}", GetAsync).WithName("GetInboxRequest")
            .Produces<InboxRequestDto>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>True for an inbox id Herald accepts: 1 to 64 letters, digits, '-' or '_'.</summary>
    public static bool IsValidId(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The inbox as stored: named within its organization.</summary>
    public static string Key(string organizationId, string inboxId) => $"{organizationId}/{inboxId}";

    /// <summary>The inbox id the organization uses, from the stored <see cref="Key"/>.</summary>
    public static string IdOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IInboxStore inboxes, TimeProvider time, CancellationToken cancellationToken)
    {
        string? name = null;
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody is true)
        {
            var body = await JsonBody.ReadAsync<CreateInboxRequest>(context.Request, 4_096, cancellationToken);
            if (body.Problem is not null)
            {
                return body.Problem;
            }

            name = body.Value?.Name?.Trim() is { Length: > 0 } given ? given : null;
        }

        if (name is not null && (name.Length > 100 || name.Any(char.IsControl)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["At most 100 characters, no control characters."] });
        }

        var org = CallerOrganization.Of(context)!;
        var id = "inb_" + Guid.NewGuid().ToString("N");
        var inbox = new Storage.Inbox { Id = Key(org, id), OrganizationId = org, Name = name, CreatedAt = time.GetUtcNow() };
        await inboxes.CreateInboxAsync(inbox, cancellationToken);
        return TypedResults.Created($"/v1/inboxes/{id}/requests", InboxResponse.From(new InboxSummary { Inbox = inbox, RequestCount = 0 }, context.Request));
    }

    private static async Task<IResult> ListInboxesAsync(int? limit, HttpContext context, IInboxStore inboxes, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 500)
        {
            return InvalidLimit();
        }

        var listed = await inboxes.ListInboxesAsync(CallerOrganization.Of(context)!, limit ?? 100, cancellationToken);
        return TypedResults.Ok(listed.Select(summary => InboxResponse.From(summary, context.Request)).ToList());
    }

    private static async Task<IResult> ReceiveAsync(
        string organizationId, string inboxId, HttpContext context, IInboxStore inbox, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!IsValidId(inboxId) || organizationId.Length is 0 or > 128 || !organizationId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return InvalidId();
        }

        if (!await inbox.InboxExistsAsync(Key(organizationId, inboxId), cancellationToken))
        {
            return NoSuchInbox(inboxId);
        }

        var (body, size) = await ReadAsync(context.Request.Body, cancellationToken);
        var request = new InboxRequest
        {
            Id = "req_" + Guid.NewGuid().ToString("D"),
            InboxId = Key(organizationId, inboxId),
            Method = context.Request.Method,
            Path = context.Request.Path + context.Request.QueryString,
            Query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : string.Empty,
            Headers = context.Request.Headers.SelectMany(h => h.Value.Select(v => new WebhookHeader(h.Key, v ?? string.Empty))).ToList(),
            Body = body,
            Size = size,
            RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
            ReceivedAt = time.GetUtcNow(),
        };
        await inbox.AddAsync(request, cancellationToken);
        return TypedResults.Ok(new { ok = true, request_id = request.Id });
    }

    private static async Task<IResult> ListAsync(string inboxId, int? limit, HttpContext context, IInboxStore inbox, CancellationToken cancellationToken)
    {
        if (!IsValidId(inboxId))
        {
            return InvalidId();
        }

        if (limit is < 1 or > 500)
        {
            return InvalidLimit();
        }

        var key = Key(CallerOrganization.Of(context)!, inboxId);
        if (!await inbox.InboxExistsAsync(key, cancellationToken))
        {
            return NoSuchInbox(inboxId);
        }

        var requests = await inbox.ListAsync(key, limit ?? 50, cancellationToken);
        return TypedResults.Ok(requests.Select(InboxRequestDto.From).ToList());
    }

    private static async Task<IResult> GetAsync(string inboxId, string requestId, HttpContext context, IInboxStore inbox, CancellationToken cancellationToken) =>
        await inbox.GetAsync(Key(CallerOrganization.Of(context)!, inboxId), requestId, cancellationToken) is { } request
            ? TypedResults.Ok(InboxRequestDto.From(request))
            : TypedResults.Problem(title: "Request not found", detail: $"Inbox '{inboxId}' has no request '{requestId}'.", statusCode: StatusCodes.Status404NotFound);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NoSuchInbox(string inboxId) => TypedResults.Problem(
        title: "Inbox not found",
        detail: $"There is no inbox '{inboxId}'; create one with POST /v1/inboxes.",
        statusCode: StatusCodes.Status404NotFound);

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem InvalidLimit() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["Must be from 1 to 500."] });

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem InvalidId() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["inbox_id"] = ["The inbox is /inbox/{organization id}/{inbox id}; an inbox id is 1 to 64 letters, digits, '-' or '_'."] });

    private static async Task<(string Body, long Size)> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var kept = new MemoryStream();
        var buffer = new byte[8192];
        long size = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            size += read;
            var room = (int)Math.Min(read, MaxBodyBytes - kept.Length);
            if (room > 0)
            {
                kept.Write(buffer, 0, room);
            }
        }

        return (Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length), size);
    }
}
