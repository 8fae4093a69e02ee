using System.Diagnostics;
using Herald.Contracts;
using Herald.ServiceDefaults;
using Herald.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Delivery;

/// <summary>
/// Makes the attempt a <see cref="DeliverWebhook"/> asks for, records it, and moves the delivery
/// on: succeeded, retrying at the next scheduled time, or failed. The attempt is stored before
/// the message is acknowledged; a duplicate message for an attempt already made changes nothing.
/// </summary>
public sealed partial class DeliveryProcessor(
    IDeliveryStore deliveries,
    IWebhookStore webhooks,
    EventPayloadCache events,
    WebhookSender sender,
    EndpointGates gates,
    EndpointHealth health,
    RetrySchedule schedule,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryProcessor> logger)
{
    /// <summary>Processes one command; returns the attempt made, or null when none was due.</summary>
    public async Task<DeliveryAttempt?> ProcessAsync(DeliverWebhook command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var delivery = await deliveries.GetAsync(command.DeliveryId, cancellationToken);
        if (delivery is null)
        {
            LogUnknownDelivery(logger, command.DeliveryId);
            return null;
        }

        if (delivery.State is not (DeliveryState.Pending or DeliveryState.Retrying) || delivery.AttemptCount != command.AttemptNumber - 1)
        {
            LogNotDue(logger, delivery.Id, command.AttemptNumber, delivery.State, delivery.AttemptCount);
            return null;
        }

        var webhook = await webhooks.FindAsync(delivery.WebhookId, cancellationToken);
        if (webhook is null || !webhook.Enabled)
        {
            var state = webhook is null ? DeliveryState.Failed : DeliveryState.Parked;
            var reason = webhook is null ? "webhook was deleted" : "webhook is disabled";
            await deliveries.TryUpdateAsync(delivery with { State = state, NextAttemptAt = null, LastError = reason, UpdatedAt = time.GetUtcNow() }, delivery.AttemptCount, cancellationToken);
            LogNotSent(logger, delivery.Id, reason);
            return null;
        }

        var webhookEvent = await events.GetAsync(delivery.EventId, cancellationToken)
            ?? throw new InvalidOperationException($"Event {delivery.EventId} of delivery {delivery.Id} is not in the store.");

        // Claim the attempt before sending it: of two workers holding a command for the same
        // attempt (a record fanned out twice at once, a redispatch racing a slow queue) only the
        // one whose claim lands sends. A worker that dies after claiming leaves that attempt
        // number used; the scheduler dispatches the next one when the lease ends.
        var claimedAt = time.GetUtcNow();
        var claimed = delivery with { AttemptCount = command.AttemptNumber, NextAttemptAt = claimedAt + options.Value.DispatchLease, UpdatedAt = claimedAt };
        if (!await deliveries.TryUpdateAsync(claimed, delivery.AttemptCount, cancellationToken))
        {
            LogNotDue(logger, delivery.Id, command.AttemptNumber, delivery.State, delivery.AttemptCount + 1);
            return null;
        }

        try
        {
            return await AttemptAsync(command, delivery, webhook, webhookEvent, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand the attempt back so the redelivered command finds it due.
            await deliveries.TryUpdateAsync(delivery, command.AttemptNumber, CancellationToken.None);
            throw;
        }
    }

    private async Task<DeliveryAttempt?> AttemptAsync(DeliverWebhook command, Storage.Delivery delivery, Webhook webhook, WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        using var activity = HeraldTelemetry.Source.StartActivity("herald attempt", ActivityKind.Internal);
        activity?.SetTag("herald.delivery_id", delivery.Id);
        activity?.SetTag("herald.event_id", delivery.EventId);
        activity?.SetTag("herald.webhook_id", webhook.Id);
        activity?.SetTag("herald.attempt", command.AttemptNumber);

        var gate = await gates.SendAsync(webhook.Id, token => new ValueTask<SendResult>(sender.SendAsync(webhook, delivery.Id, webhookEvent, token)), cancellationToken);
        if (gate.Sent is not { } result)
        {
            // Not sent: the webhook is at its concurrency limit or its circuit is open. No
            // attempt is made or counted; the scheduler dispatches it again after the wait.
            var later = time.GetUtcNow() + gate.DeferFor;
            await deliveries.TryUpdateAsync(delivery with { NextAttemptAt = later, UpdatedAt = time.GetUtcNow() }, command.AttemptNumber, cancellationToken);
            activity?.SetTag("herald.deferred", gate.Reason);
            LogDeferred(logger, delivery.Id, gate.Reason!, gate.DeferFor.TotalSeconds);
            return null;
        }

        var attempt = new DeliveryAttempt
        {
            Id = Ids.New("att"),
            DeliveryId = delivery.Id,
            EventId = delivery.EventId,
            WebhookId = webhook.Id,
            Number = command.AttemptNumber,
            Request = result.Request,
            Response = result.Response,
            Succeeded = result.Succeeded,
            ErrorKind = result.ErrorKind,
            Error = result.Error,
            StartedAt = result.StartedAt,
            CompletedAt = result.CompletedAt,
            Duration = result.Duration,
            TraceId = Activity.Current?.TraceId.ToHexString(),
        };
        if (result.ErrorKind is AttemptErrorKind.Interrupted)
        {
            // Record what was sent and make the delivery due again at once; the endpoint's
            // health is not judged on it. The store is written even though we are stopping.
            var due = delivery with { State = DeliveryState.Retrying, AttemptCount = command.AttemptNumber, NextAttemptAt = time.GetUtcNow(), LastError = result.Error, UpdatedAt = time.GetUtcNow() };
            await deliveries.RecordAttemptAsync(attempt, due, command.AttemptNumber, CancellationToken.None);
            LogAttempt(logger, delivery.Id, command.AttemptNumber, null, DeliveryState.Retrying, result.Duration.TotalMilliseconds);
            return attempt;
        }

        // The request went out: its record and the delivery's new state are written together, first
        // and even if the worker is stopping now, so no request Herald made goes unrecorded.
        var now = time.GetUtcNow();
        var (outcome, next) = AttemptOutcome.Decide(result, command.AttemptNumber, now, schedule, options.Value, Random.Shared.NextDouble());
        var updated = delivery with
        {
            State = outcome,
            AttemptCount = command.AttemptNumber,
            NextAttemptAt = next,
            LastStatusCode = result.Response?.StatusCode ?? delivery.LastStatusCode,
            LastError = result.Error,
            UpdatedAt = now,
        };
        var settled = await deliveries.RecordAttemptAsync(attempt, updated, command.AttemptNumber, CancellationToken.None);
        if (!settled)
        {
            LogRaced(logger, delivery.Id, command.AttemptNumber);
        }

        if (await health.RecordAsync(webhook, result, CancellationToken.None) && outcome is DeliveryState.Retrying)
        {
            // The webhook is disabled now: its retry waits, parked, until it is enabled again.
            outcome = DeliveryState.Parked;
            if (settled)
            {
                await deliveries.TryUpdateAsync(updated with { State = outcome, NextAttemptAt = null }, command.AttemptNumber, CancellationToken.None);
            }
        }

        Record(activity, delivery, attempt, outcome);
        LogAttempt(logger, delivery.Id, command.AttemptNumber, result.Response?.StatusCode, outcome, result.Duration.TotalMilliseconds);
        return attempt;
    }

    private static void Record(Activity? activity, Storage.Delivery delivery, DeliveryAttempt attempt, DeliveryState outcome)
    {
        var outcomeTag = new KeyValuePair<string, object?>("herald.outcome", outcome.ToString().ToLowerInvariant());
        HeraldTelemetry.Attempts.Add(1, outcomeTag, new("http.response.status_code", attempt.Response?.StatusCode));
        HeraldTelemetry.AttemptDuration.Record(attempt.Duration.TotalSeconds, outcomeTag);
        if (outcome is DeliveryState.Succeeded or DeliveryState.Failed)
        {
            HeraldTelemetry.DeliveriesCompleted.Add(1, outcomeTag);
            HeraldTelemetry.DeliveryLatency.Record(Math.Max(0, (attempt.CompletedAt - delivery.CreatedAt).TotalSeconds), outcomeTag);
        }

        activity?.SetTag("herald.outcome", outcomeTag.Value);
        activity?.SetTag("http.response.status_code", attempt.Response?.StatusCode);
        if (!attempt.Succeeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, attempt.Error);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} is not in the store; the message is dropped")]
    private static partial void LogUnknownDelivery(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "Delivery {DeliveryId} attempt {Attempt} is not due (state {State}, {Attempts} attempts made); duplicate ignored")]
    private static partial void LogNotDue(ILogger logger, string deliveryId, int attempt, DeliveryState state, int attempts);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Delivery {DeliveryId} not sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, string deliveryId, string reason);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} attempt {Attempt} was recorded but another worker moved the delivery first")]
    private static partial void LogRaced(ILogger logger, string deliveryId, int attempt);

    [LoggerMessage(EventId = 15, Level = LogLevel.Debug, Message = "Delivery {DeliveryId} deferred {Seconds:0.###} s: {Reason}")]
    private static partial void LogDeferred(ILogger logger, string deliveryId, string reason, double seconds);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Delivery {DeliveryId} attempt {Attempt}: status {StatusCode}, now {State}, {DurationMs:0.0} ms")]
    private static partial void LogAttempt(ILogger logger, string deliveryId, int attempt, int? statusCode, DeliveryState state, double durationMs);
}
