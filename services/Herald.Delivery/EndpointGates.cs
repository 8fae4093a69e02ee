using System.Threading.RateLimiting;
using Herald.Storage;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Registry;

namespace Herald.Delivery;

/// <summary>
/// Isolation between endpoints (Polly): each webhook gets its own concurrency limiter and
/// circuit breaker in this process. An attempt over the limit, or to a webhook whose circuit is
/// open, is not sent and not queued: it is deferred, so a hanging or failing endpoint holds at
/// most its limit of the worker's slots and healthy endpoints keep their pace.
/// </summary>
public sealed class EndpointGates(IOptions<DeliveryOptions> options, TimeProvider time) : IDisposable
{
    private readonly ResiliencePipelineRegistry<string> registry = new();

    /// <summary>Runs <paramref name="send"/> through the webhook's gate.</summary>
    public async Task<GateResult> SendAsync(string webhookId, Func<CancellationToken, ValueTask<SendResult>> send, CancellationToken cancellationToken)
    {
        var pipeline = registry.GetOrAddPipeline<SendResult>(webhookId, Build);
        try
        {
            return new GateResult(await pipeline.ExecuteAsync(send, cancellationToken), TimeSpan.Zero, null);
        }
        catch (RateLimiterRejectedException)
        {
            return new GateResult(null, options.Value.DeferDelay, "webhook is at its concurrency limit");
        }
        catch (BrokenCircuitException exception)
        {
            return new GateResult(null, exception.RetryAfter ?? options.Value.CircuitBreakDuration, "webhook's circuit is open after repeated failures");
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
    public void Dispose() => registry.Dispose();

    private void Build(ResiliencePipelineBuilder<SendResult> builder)
    {
        var settings = options.Value;
        builder.TimeProvider = time;
        builder
            .AddConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = settings.EndpointConcurrencyLimit, QueueLimit = 0 })
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
