using Herald.Delivery;
using Herald.Delivery.Security;
using Herald.ServiceDefaults;
using Herald.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Herald.Api.Webhooks;

/// <summary>Webhook management: create, read, update, copy, delete, scoped to the caller's organization.</summary>
public static class WebhookEndpoints
{
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>Maps <c>/v1/webhooks</c>.</summary>
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/webhooks").WithTags("Webhooks")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/", ListAsync).WithName("ListWebhooks").Produces<IReadOnlyList<WebhookResponse>>();
        group.MapPost("/", CreateAsync).WithName("CreateWebhook").Accepts<WebhookRequest>("application/json")
            .Produces<WebhookResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapGet("/{id}", GetAsync).WithName("GetWebhook").Produces<WebhookResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateWebhook").Accepts<WebhookRequest>("application/json")
            .Produces<WebhookResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/copy", CopyAsync).WithName("CopyWebhook")
            .Produces<WebhookResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteWebhook")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext context, IWebhookStore webhooks, CancellationToken cancellationToken)
    {
        if (CallerOrganization.Of(context) is not { } org)
        {
            return CallerOrganization.Missing();
        }

        var all = await webhooks.ListAsync(org, cancellationToken);
        return TypedResults.Ok(all.Select(w => WebhookResponse.From(w)).ToList());
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, IWebhookStore webhooks, CancellationToken cancellationToken)
    {
        if (CallerOrganization.Of(context) is not { } org)
        {
            return CallerOrganization.Missing();
        }

        return await webhooks.GetAsync(org, id, cancellationToken) is { } webhook
            ? TypedResults.Ok(WebhookResponse.From(webhook))
            : NotFound(id);
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, IWebhookStore webhooks, WebhookDestination destination, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CallerOrganization.Of(context) is not { } org)
        {
            return CallerOrganization.Missing();
        }

        var body = await JsonBody.ReadAsync<WebhookRequest>(context.Request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var (valid, errors) = WebhookRequestValidator.Validate(body.Value);
        if (valid is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await destination.CheckAsync(new Uri(valid.Url), cancellationToken) is { } refused)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["url"] = [refused] });
        }

        var now = time.GetUtcNow();
        var webhook = new Webhook
        {
            Id = Ids.New("wh"), OrganizationId = org, Name = valid.Name, Url = valid.Url, Headers = valid.Headers,
            EventCategories = valid.EventCategories, Secure = valid.Secure, Enabled = valid.Enabled,
            Secret = WebhookSignature.NewSecret(), CreatedAt = now, UpdatedAt = now,
        };
        await webhooks.AddAsync(webhook, cancellationToken);
        return TypedResults.Created($"/v1/webhooks/{webhook.Id}", WebhookResponse.From(webhook, withSecret: true));
    }

    private static async Task<IResult> UpdateAsync(
        string id, HttpContext context, IWebhookStore webhooks, IDeliveryStore deliveries, WebhookDestination destination, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CallerOrganization.Of(context) is not { } org)
        {
            return CallerOrganization.Missing();
        }

        var body = await JsonBody.ReadAsync<WebhookRequest>(context.Request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var (valid, errors) = WebhookRequestValidator.Validate(body.Value);
        if (valid is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await destination.CheckAsync(new Uri(valid.Url), cancellationToken) is { } refused)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["url"] = [refused] });
        }

        if (await webhooks.GetAsync(org, id, cancellationToken) is not { } existing)
        {
            return NotFound(id);
        }

        var now = time.GetUtcNow();
        var enabling = valid.Enabled && !existing.Enabled;
        var updated = existing with
        {
            Name = valid.Name, Url = valid.Url, Headers = valid.Headers, EventCategories = valid.EventCategories,
            Secure = valid.Secure, Enabled = valid.Enabled, UpdatedAt = now,
            DisabledReason = enabling ? null : existing.DisabledReason,
            DisabledAt = enabling ? null : existing.DisabledAt,
            FailingSince = enabling ? null : existing.FailingSince,
        };
        if (!await webhooks.UpdateAsync(updated, cancellationToken))
        {
            return NotFound(id);
        }

        // Enabling replays what was parked while it was disabled; disabling parks what is pending.
        if (enabling)
        {
            await deliveries.RequeueAsync(id, [DeliveryState.Parked], since: null, now, cancellationToken);
        }
        else if (!valid.Enabled && existing.Enabled)
        {
            await deliveries.ParkAsync(id, now, cancellationToken);
        }

        return TypedResults.Ok(WebhookResponse.From(updated));
    }

    private static async Task<IResult> CopyAsync(string id, HttpContext context, IWebhookStore webhooks, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CallerOrganization.Of(context) is not { } org)
        {
            return CallerOrganization.Missing();
        }

        if (await webhooks.GetAsync(org, id, cancellationToken) is not { } source)
        {
            return NotFound(id);
        }

        var now = time.GetUtcNow();
        var name = source.Name.Length > 93 ? source.Name[..93] : source.Name;
        var copy = source with
        {
            Id = Ids.New("wh"), Name = name + " (copy)", Secret = WebhookSignature.NewSecret(), CreatedAt = now, UpdatedAt = now,
            PreviousSecret = null, PreviousSecretExpiresAt = null, DisabledReason = null, DisabledAt = null, FailingSince = null,
        };
        await webhooks.AddAsync(copy, cancellationToken);
        return TypedResults.Created($"/v1/webhooks/{copy.Id}", WebhookResponse.From(copy, withSecret: true));
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, IWebhookStore webhooks, CancellationToken cancellationToken)
    {
        if (CallerOrganization.Of(context) is not { } org)
        {
            return CallerOrganization.Missing();
        }

        return await webhooks.DeleteAsync(org, id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);
    }

    internal static IResult NotFound(string id) => TypedResults.Problem(
        title: "Webhook not found", detail: $"No webhook '{id}' in this organization.", statusCode: StatusCodes.Status404NotFound);
}
