using System.Net;
using System.Threading.Channels;
using Herald.IntegrationTests.Support;

namespace Herald.IntegrationTests.Faults;

/// <summary>
/// An upstream as the fault scenarios need one: publishes records through <c>POST /v1/audit-logs</c>
/// spread over a stretch of time (so faults land while work is in flight), a few at a time, and
/// on <c>503</c> or a broken connection sends the same record (same <c>audit_log_id</c>) again
/// after a short backoff, a bounded number of times.
/// </summary>
public sealed class AuditPublisher(HeraldClient ingest, string organization)
{
    private const int Concurrency = 8;
    private const int MaxTries = 40;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private int published;
    private int retried;

    /// <summary>Records accepted (202) so far.</summary>
    public int Published => Volatile.Read(ref published);

    /// <summary>Times a record was sent again after a 503 or a connection error.</summary>
    public int Retried => Volatile.Read(ref retried);

    /// <summary>Publishes <paramref name="ids"/> over about <paramref name="spread"/>; fails if one is never accepted.</summary>
    public async Task PublishAsync(IReadOnlyList<Guid> ids, TimeSpan spread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var due = Channel.CreateUnbounded<Guid>();
        var perTick = Math.Max(1, (int)Math.Ceiling(ids.Count * Tick.TotalMilliseconds / Math.Max(spread.TotalMilliseconds, 1)));
        var pacing = ReleaseAsync(ids, perTick, due.Writer, cancellationToken);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(due.Reader.ReadAllAsync(cancellationToken), options, PublishOneAsync);
        await pacing;
    }

    private static async Task ReleaseAsync(IReadOnlyList<Guid> ids, int perTick, ChannelWriter<Guid> due, CancellationToken cancellationToken)
    {
        // Load shaping, not synchronization: a steady stream of records for the faults to hit.
        using var timer = new PeriodicTimer(Tick);
        try
        {
            foreach (var chunk in ids.Chunk(perTick))
            {
                foreach (var id in chunk)
                {
                    await due.WriteAsync(id, cancellationToken);
                }

                await timer.WaitForNextTickAsync(cancellationToken);
            }
        }
        finally
        {
            due.Complete();
        }
    }

    private async ValueTask PublishOneAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = AuditRecords.Valid(id, organization);
        var last = "no answer";
        for (var tries = 1; tries <= MaxTries; tries++)
        {
            try
            {
                using var response = await ingest.PostAuditLogAsync(record);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    Interlocked.Increment(ref published);
                    return;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    throw new InvalidOperationException($"Record {id} was refused: {last}");
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = $"{exception.GetType().Name}: {exception.Message}";
            }

            Interlocked.Increment(ref retried);

            // The upstream's backoff before it sends the same record again.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(250 * tries, 2_000)), cancellationToken);
        }

        throw new InvalidOperationException($"Record {id} was not accepted after {MaxTries} tries; last: {last}");
    }
}
