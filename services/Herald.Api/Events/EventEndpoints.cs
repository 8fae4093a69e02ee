using System.Globalization;
using System.Text.Json;
using Herald.Api.Webhooks;
using Herald.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Herald.Api.Events;

/// <summary>The delivery log: a webhook's events, and one event's attempts with request and response.</summary>
public static class EventEndpoints
{
    /// <summary>Maps <c>/v1/webhooks/{id}/events</c>.</summary>
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/webhooks/{webhookId}/events").WithTags("Events")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync).WithName("ListWebhookEvents").Produces<EventPage>().ProducesValidationProblem();
        group.MapGet("/{eventId}", GetAsync).WithName("GetWebhookEvent").Produces<EventDetail>();
        return app;
    }

    private static async Task<IResult> ListAsync(
        string webhookId, HttpContext context, IWebhookStore webhooks, IDeliveryStore deliveries, CancellationToken cancellationToken)
    {
        if (CallerOrganization.Of(context) is not { } org)
        {
            return CallerOrganization.Missing();
        }

        var (query, errors) = ParseQuery(context.Request.Query);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await webhooks.GetAsync(org, webhookId, cancellationToken) is null)
        {
            return WebhookEndpoints.NotFound(webhookId);
        }

        var page = await deliveries.ListByWebhookAsync(webhookId, query, cancellationToken);
        return TypedResults.Ok(new EventPage(page.Items.Select(EventSummary.From).ToList(), query.Page, query.PageSize, page.Total));
    }

    private static async Task<IResult> GetAsync(
        string webhookId, string eventId, HttpContext context, IWebhookStore webhooks, IDeliveryStore deliveries,
        IEventStore events, IAttemptStore attempts, CancellationToken cancellationToken)
    {
        if (CallerOrganization.Of(context) is not { } org)
        {
            return CallerOrganization.Missing();
        }

        if (await webhooks.GetAsync(org, webhookId, cancellationToken) is null)
        {
            return WebhookEndpoints.NotFound(webhookId);
        }

        var delivery = await deliveries.GetAsync(Ids.Delivery(eventId, webhookId), cancellationToken);
        var stored = delivery is null ? null : await events.GetAsync(eventId, cancellationToken);
        if (delivery is null || stored is null || delivery.OrganizationId != org)
        {
            return TypedResults.Problem(title: "Event not found", detail: $"Webhook '{webhookId}' has no event '{eventId}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var tried = await attempts.ListByDeliveryAsync(delivery.Id, cancellationToken);
        using var payload = JsonDocument.Parse(stored.Payload);
        return TypedResults.Ok(new EventDetail(
            stored.Id, delivery.Id, webhookId, stored.Category, stored.OccurredAt, delivery.State, delivery.AttemptCount,
            delivery.State is DeliveryState.Pending or DeliveryState.Retrying ? delivery.NextAttemptAt : null, delivery.LastError,
            payload.RootElement.Clone(), tried.Select(AttemptDto.From).ToList()));
    }

    private static (DeliveryQuery? Query, Dictionary<string, string[]> Errors) ParseQuery(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var page = Int(query, "page", 1, 1, 100_000, errors);
        var pageSize = Int(query, "page_size", 20, 1, 100, errors);
        var states = new List<DeliveryState>();
        foreach (var value in query["outcome"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Enum.TryParse<DeliveryState>(value, ignoreCase: true, out var state) && Enum.IsDefined(state) && !char.IsAsciiDigit(value[0]))
            {
                states.Add(state);
            }
            else
            {
                errors["outcome"] = [$"Unknown outcome '{value}'; use pending, retrying, succeeded, failed or parked."];
            }
        }

        var from = Time(query, "from", errors);
        var to = Time(query, "to", errors);
        if (from is not null && to is not null && from >= to)
        {
            errors["to"] = ["Must be later than 'from'."];
        }

        return errors.Count > 0 ? (null, errors) : (new DeliveryQuery(page, pageSize, states, from, to), errors);
    }

    private static int Int(IQueryCollection query, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        var raw = query[name].ToString();
        if (raw.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"Must be a whole number from {min} to {max}."];
        return fallback;
    }

    private static DateTimeOffset? Time(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var raw = query[name].ToString();
        if (raw.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        errors[name] = ["Must be a date and time, such as 2025-11-12T12:00:00Z."];
        return null;
    }
}
