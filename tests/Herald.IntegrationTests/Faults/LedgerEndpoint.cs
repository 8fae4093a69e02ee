using System.Collections.Concurrent;
using System.Text.Json;
using Herald.Testing;
using Microsoft.AspNetCore.Http;

namespace Herald.IntegrationTests.Faults;

/// <summary>
/// The customer endpoint of a fault scenario: a <see cref="LoopbackReceiver"/> that answers each
/// request with the status <see cref="Answer"/> picks for it (by arrival number, from 1) and keeps
/// every request with that answer for the <see cref="DeliveryLedger"/>.
/// </summary>
public sealed class LedgerEndpoint : IAsyncDisposable
{
    private readonly LoopbackReceiver receiver;
    private readonly ConcurrentQueue<LedgerRequest> answered = new();
    private int arrivals;

    private LedgerEndpoint(LoopbackReceiver receiver)
    {
        this.receiver = receiver;
        receiver.Respond = RespondAsync;
    }

    /// <summary>The status for the n-th request; 200 unless a scenario says otherwise.</summary>
    public Func<int, int> Answer { get; set; } = static _ => 200;

    /// <summary>How long the endpoint works on a request before it answers; zero by default.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Requests answered so far.</summary>
    public int Count => answered.Count;

    /// <summary>Every request answered, with its answer.</summary>
    public IReadOnlyList<LedgerRequest> Requests => answered.ToArray();

    /// <summary>Starts the receiver.</summary>
    public static async Task<LedgerEndpoint> StartAsync() => new(await LoopbackReceiver.StartAsync());

    /// <summary>The URL of a webhook path, such as <c>/hooks/a</c>.</summary>
    public string UrlFor(string path) => receiver.UrlFor(path);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => receiver.DisposeAsync();

    private static string? EventIdOf(ReceivedRequest request)
    {
        try
        {
            using var body = JsonDocument.Parse(request.Body);
            return body.RootElement.TryGetProperty("event_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task RespondAsync(ReceivedRequest request, HttpContext context)
    {
        // The request counts as received (and, with a 2xx, acted on) even if the sender dies
        // before the answer reaches it: that is what makes a redelivery a duplicate.
        var status = Answer(Interlocked.Increment(ref arrivals));
        answered.Enqueue(new LedgerRequest(request.Path, request.Header("webhook-id") is [var id, ..] ? id : null, EventIdOf(request), status));
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, CancellationToken.None);
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsync(status < 300 ? "ok" : "try again", context.RequestAborted);
    }
}
