using System.Collections.Concurrent;
using Herald.Storage;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;

namespace Herald.Delivery;

/// <summary>
/// Isolation between endpoints: each webhook gets its own concurrency limit and circuit breaker
/// (Polly) in this process. An attempt waits briefly for one of its webhook's slots — long
/// enough for a burst to a fast endpoint to pass, too short for a hanging one to pile up
/// waiters — and is otherwise deferred without a request; so is an attempt to a webhook whose
/// circuit is open. A hanging or failing endpoint holds at most its limit of the worker's slots
/// and healthy endpoints keep their pace.
/// </summary>
public sealed class EndpointGates(IOptions<DeliveryOptions> options, TimeProvider time) : IDisposable
{
    private readonly ResiliencePipelineRegistry<string> registry = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> slots = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="send"/> through the webhook's gate.</summary>
    public async Task<GateResult> SendAsync(string webhookId, Func<CancellationToken, ValueTask<SendResult>> send, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var slot = slots.GetOrAdd(webhookId, _ => new SemaphoreSlim(settings.EndpointConcurrencyLimit, settings.EndpointConcurrencyLimit));
        if (!await slot.WaitAsync(settings.EndpointSlotWait, cancellationToken))
        {
            return new GateResult(null, settings.DeferDelay, "webhook is at its concurrency limit");
        }

        try
        {
            var pipeline = registry.GetOrAddPipeline<SendResult>(webhookId, Build);
            return new GateResult(await pipeline.ExecuteAsync(send, cancellationToken), TimeSpan.Zero, null);
        }
        catch (BrokenCircuitException exception)
        {
            return new GateResult(null, exception.RetryAfter ?? settings.CircuitBreakDuration, "webhook's circuit is open after repeated failures");
        }
        finally
        {
            slot.Release();
        }
    }

    /// <summary>True for results that count against an endpoint's health: no answer, or a 5xx or 429.</summary>
    public static bool IsEndpointFailure(SendResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return !result.Succeeded && (result.Response is null || result.Response.StatusCode >= 500 || result.Response.StatusCode == 429)
            && result.ErrorKind is not (AttemptErrorKind.DestinationNotAllowed or AttemptErrorKind.Interrupted);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        registry.Dispose();
        foreach (var slot in slots.Values)
        {
            slot.Dispose();
        }
    }

    private void Build(ResiliencePipelineBuilder<SendResult> builder)
    {
        var settings = options.Value;
        builder.TimeProvider = time;
        builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<SendResult>
            {
                FailureRatio = settings.CircuitFailureRatio,
                MinimumThroughput = settings.CircuitMinimumThroughput,
                SamplingDuration = settings.CircuitSamplingDuration,
                BreakDuration = settings.CircuitBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } result && IsEndpointFailure(result)),
            });
    }
}
