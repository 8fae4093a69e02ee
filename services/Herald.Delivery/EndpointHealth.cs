using Herald.Contracts;
using Herald.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Delivery;

/// <summary>
/// Tracks each webhook's run of failures and disables it, with a reason, when it answers
/// 410 Gone or has failed for <see cref="DeliveryOptions.DisableAfter"/> without one success.
/// Disabling parks its pending deliveries (they replay when it is enabled again) and publishes
/// <see cref="WebhookDisabled"/>.
/// </summary>
public sealed partial class EndpointHealth(
    IWebhookStore webhooks,
    IDeliveryStore deliveries,
    IBus bus,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<EndpointHealth> logger)
{
    /// <summary>Records an attempt's result; true when the webhook is (now) disabled.</summary>
    public async Task<bool> RecordAsync(Webhook webhook, SendResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded)
        {
            if (webhook.FailingSince is not null)
            {
                await webhooks.MarkHealthyAsync(webhook.Id, cancellationToken);
            }

            return false;
        }

        if (result.Response?.StatusCode == 410)
        {
            return await DisableAsync(webhook, "the endpoint answered 410 Gone", cancellationToken);
        }

        if (webhook.FailingSince is not { } since)
        {
            await webhooks.MarkFailingAsync(webhook.Id, result.StartedAt, cancellationToken);
            return false;
        }

        var limit = options.Value.DisableAfter;
        return time.GetUtcNow() - since >= limit
            && await DisableAsync(webhook, $"no successful delivery since {since:yyyy-MM-dd HH:mm:ss}Z (disabled after {Describe(limit)} of failures)", cancellationToken);
    }

    private async Task<bool> DisableAsync(Webhook webhook, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await webhooks.DisableAsync(webhook.Id, reason, now, cancellationToken))
        {
            // Another worker (or an admin) disabled it first; it reports the change.
            return true;
        }

        var parked = await deliveries.ParkAsync(webhook.Id, now, cancellationToken);
        await bus.Publish(new WebhookDisabled(webhook.Id, webhook.OrganizationId, webhook.Url, reason, now), cancellationToken);
        LogDisabled(logger, webhook.Id, reason, parked);
        return true;
    }

    private static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{span.TotalDays:0.##} days" : span.TotalHours >= 1 ? $"{span.TotalHours:0.##} hours" : $"{span.TotalSeconds:0.##} seconds";

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Disabled webhook {WebhookId}: {Reason}; parked {Parked} deliveries")]
    private static partial void LogDisabled(ILogger logger, string webhookId, string reason, int parked);
}
