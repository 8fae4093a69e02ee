using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using Herald.Storage;
using Microsoft.Extensions.Options;

namespace Herald.Delivery;

/// <summary>
/// Makes one HTTP attempt: POSTs the event's payload with the webhook's headers, follows no
/// redirect, bounds connect and total time, and reads at most the configured response bytes.
/// Failures become a readable error, never an exception (cancellation of the caller aside).
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<DeliveryOptions> options, TimeProvider time)
{
    /// <summary>The client for secure-mode webhooks: certificates validated.</summary>
    public const string SecureClient = "herald-delivery";

    /// <summary>The client for webhooks with secure mode off: certificate errors tolerated.</summary>
    public const string InsecureClient = "herald-delivery-insecure";

    /// <summary>Sends one attempt of <paramref name="deliveryId"/>.</summary>
    public async Task<SendResult> SendAsync(Webhook webhook, string deliveryId, WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var settings = options.Value;
        var startedAt = time.GetUtcNow();
        var headers = WebhookRequestHeaders.Build(webhook, deliveryId, startedAt.ToUnixTimeSeconds(), webhookEvent.Payload.Span);
        var request = new AttemptRequest(webhook.Url, "POST", headers, webhookEvent.Id);
        var started = time.GetTimestamp();

        SendResult Finish(AttemptResponse? response, bool succeeded, AttemptErrorKind? kind, string? error)
        {
            var duration = time.GetElapsedTime(started);
            return new SendResult
            {
                Request = request, Response = response, Succeeded = succeeded, ErrorKind = kind, Error = error,
                StartedAt = startedAt, CompletedAt = startedAt + duration, Duration = duration,
            };
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var message = CreateMessage(webhook.Url, headers, webhookEvent.Payload);
            var client = clients.CreateClient(webhook.Secure ? SecureClient : InsecureClient);
            using var answer = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var (body, truncated) = await ReadCappedAsync(answer.Content, settings.ResponseBodyLimit, timeout.Token);
            var response = new AttemptResponse((int)answer.StatusCode, ReadHeaders(answer), body, truncated);
            var ok = answer.IsSuccessStatusCode;
            return Finish(response, ok, ok ? null : AttemptErrorKind.HttpStatus, ok ? null : $"endpoint answered {(int)answer.StatusCode} {answer.ReasonPhrase}".TrimEnd());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Finish(null, false, AttemptErrorKind.Timeout, $"timed out after {settings.Timeout.TotalSeconds:0.###} s");
        }
        catch (OperationCanceledException)
        {
            // The request may have reached the endpoint: record it as an attempt rather than
            // letting it vanish, so every request Herald made has a record.
            return Finish(null, false, AttemptErrorKind.Interrupted, "interrupted: the worker stopped before the endpoint answered; the attempt is repeated");
        }
        catch (HttpRequestException exception)
        {
            var (kind, error) = SendErrors.Describe(exception, new Uri(webhook.Url), settings);
            return Finish(null, false, kind, error);
        }
        catch (InvalidOperationException exception)
        {
            return Finish(null, false, AttemptErrorKind.Other, "request could not be sent: " + exception.Message);
        }
    }

    private static HttpRequestMessage CreateMessage(string url, IReadOnlyList<Storage.WebhookHeader> headers, ReadOnlyMemory<byte> payload)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ReadOnlyMemoryContent(payload) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var header in headers.Skip(1))
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return message;
    }

    private static List<Storage.WebhookHeader> ReadHeaders(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .SelectMany(h => h.Value.Select(v => new Storage.WebhookHeader(h.Key, v)))
            .ToList();

    private static async Task<(string Body, bool Truncated)> ReadCappedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);

        // One byte past the limit tells a body that was cut from one that fits. The buffer is
        // rented: most endpoints answer a few bytes, and a fresh, zeroed array of the limit
        // (64 KiB by default) per attempt was a third of what the delivery path allocated.
        var buffer = ArrayPool<byte>.Shared.Rent(limit + 1);
        try
        {
            var read = 0;
            while (read <= limit)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read, limit + 1 - read), cancellationToken);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            var truncated = read > limit;
            return (Encoding.UTF8.GetString(buffer, 0, Math.Min(read, limit)), truncated);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
