using Herald.Api.Webhooks;
using Herald.ServiceDefaults;
using Herald.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Herald.Api.Events;

/// <summary>
/// Manual control of deliveries: redeliver one event to one webhook (same <c>webhook-id</c>),
/// or recover every failed or parked delivery of a webhook since a time. Both make the
/// deliveries due now; the delivery role's scheduler dispatches them within a second.
/// </summary>
public static class DeliveryControlEndpoints
{
    private static readonly DeliveryState[] Recoverable = [DeliveryState.Failed, DeliveryState.Parked];

    /// <summary>Maps the control routes.</summary>
    public static IEndpointRouteBuilder MapDeliveryControlEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/webhooks/{webhookId}").WithTags("Events")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/events/{eventId}/redeliver", RedeliverAsync).WithName("RedeliverWebhookEvent")
            .Produces<EventSummary>(StatusCodes.Status202Accepted);
        group.MapPost("/recover", RecoverAsync).WithName("RecoverWebhookDeliveries").Accepts<RecoverRequest>("application/json")
            .Produces<RecoverResult>(StatusCodes.Status202Accepted).ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> RedeliverAsync(
        string webhookId, string eventId, HttpContext context, IWebhookStore webhooks, IDeliveryStore deliveries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CallerOrganization.Of(context) is not { } org)
        {
            return CallerOrganization.Missing();
        }

        if (await webhooks.GetAsync(org, webhookId, cancellationToken) is not { } webhook)
        {
            return WebhookEndpoints.NotFound(webhookId);
        }

        if (!webhook.Enabled)
        {
            return Disabled(webhookId);
        }

        var delivery = await deliveries.GetAsync(Ids.Delivery(eventId, webhookId), cancellationToken);
        if (delivery is null || delivery.OrganizationId != org)
        {
            return TypedResults.Problem(title: "Event not found", detail: $"Webhook '{webhookId}' has no event '{eventId}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var now = time.GetUtcNow();
        var due = delivery with { State = DeliveryState.Pending, NextAttemptAt = now, UpdatedAt = now };
        if (!await deliveries.TryUpdateAsync(due, delivery.AttemptCount, cancellationToken))
        {
            return TypedResults.Problem(title: "Delivery in progress", detail: "An attempt is being recorded right now; try again.", statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Accepted($"/v1/webhooks/{webhookId}/events/{eventId}", EventSummary.From(due));
    }

    private static async Task<IResult> RecoverAsync(
        string webhookId, HttpContext context, IWebhookStore webhooks, IDeliveryStore deliveries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CallerOrganization.Of(context) is not { } org)
        {
            return CallerOrganization.Missing();
        }

        var body = await JsonBody.ReadAsync<RecoverRequest>(context.Request, 4_096, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        if (body.Value?.Since is not { } since)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["since"] = ["The time to recover from is required, such as 2025-11-12T00:00:00Z."] });
        }

        if (await webhooks.GetAsync(org, webhookId, cancellationToken) is not { } webhook)
        {
            return WebhookEndpoints.NotFound(webhookId);
        }

        if (!webhook.Enabled)
        {
            return Disabled(webhookId);
        }

        var count = await deliveries.RequeueAsync(webhookId, Recoverable, since, time.GetUtcNow(), cancellationToken);
        return TypedResults.Accepted($"/v1/webhooks/{webhookId}/events", new RecoverResult(count));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Disabled(string webhookId) => TypedResults.Problem(
        title: "Webhook disabled",
        detail: $"Webhook '{webhookId}' is disabled; enable it first (its parked deliveries replay when it is).",
        statusCode: StatusCodes.Status409Conflict);
}
