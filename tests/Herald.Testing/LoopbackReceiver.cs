using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Testing;

/// <summary>
/// A real HTTP endpoint on 127.0.0.1 (Kestrel, a free port) that records every request and
/// answers with what <see cref="Respond"/> says: the customer endpoint of the tests.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedRequest> requests = new();

    private LoopbackReceiver(WebApplication app) => this.app = app;

    /// <summary>Decides the answer to each request; 200 with <c>ok</c> by default.</summary>
    public Func<ReceivedRequest, HttpContext, Task> Respond { get; set; } = static (_, context) =>
    {
        context.Response.StatusCode = 200;
        return context.Response.WriteAsync("ok");
    };

    /// <summary>The base URL, such as <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Everything received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => requests.ToArray();

    /// <summary>Starts a receiver.</summary>
    public static async Task<LoopbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = new Uri(address);
        return receiver;
    }

    /// <summary>A URL under the receiver.</summary>
    public string UrlFor(string path) => new Uri(BaseUrl, path).ToString();

    /// <summary>Waits, bounded, until at least <paramref name="count"/> requests arrived.</summary>
    public Task WaitForAsync(int count, TimeSpan timeout) =>
        Wait.Eventually(() =>
        {
            if (requests.Count < count)
            {
                throw new TimeoutException($"Expected {count} requests, got {requests.Count}.");
            }
        }, timeout);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? string.Empty))).ToList();
        var request = new ReceivedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body.ToArray(), DateTimeOffset.UtcNow);
        requests.Enqueue(request);
        await Respond(request, context);
    }
}
