using Polly;
using Polly.Retry;

namespace Herald.Ingest;

/// <summary>
/// How ingest hands a record to the broker: a few quick retries ride out a broker restart or a
/// lost connection, bounded in total, so the caller gets 202 (confirmed) or 503 (nothing
/// accepted) within seconds instead of a hang.
/// </summary>
public static class BrokerSendPipeline
{
    /// <summary>Builds the pipeline: retries with exponential backoff and jitter inside an overall timeout.</summary>
    public static ResiliencePipeline Create(TimeSpan totalTimeout, TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(totalTimeout)
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 4,
                Delay = TimeSpan.FromMilliseconds(250),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            })
            .Build();
}
