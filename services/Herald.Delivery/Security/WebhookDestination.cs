using System.Net;

namespace Herald.Delivery.Security;

/// <summary>Checks a webhook URL's host against the <see cref="AddressPolicy"/> at registration.</summary>
public sealed class WebhookDestination(AddressPolicy policy, IHostResolver resolver)
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Null when the URL's host is allowed (or does not resolve yet: it is checked again on
    /// every send); otherwise why it is refused.
    /// </summary>
    public async Task<string?> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.IdnHost.Trim('[', ']');
        if (IPAddress.TryParse(host, out var literal))
        {
            return policy.Refuse(literal) is { } kind ? $"The address {literal} is {kind}; Herald does not send there." : null;
        }

        IPAddress[] addresses;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ResolveTimeout);
            addresses = await resolver.ResolveAsync(host, timeout.Token);
        }
        catch (Exception exception) when (exception is System.Net.Sockets.SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var refused = addresses.Select(a => (Address: a, Kind: policy.Refuse(a))).Where(a => a.Kind is not null).ToList();
        return refused.Count == 0
            ? null
            : $"'{host}' resolves to {string.Join(", ", refused.Select(r => $"{r.Address} ({r.Kind})"))}; Herald does not send there.";
    }
}
