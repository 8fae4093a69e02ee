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
            return Judge(literal);
        }

        // A host whose last label is a number is an IPv4 address to WHATWG URL parsers (browsers,
        // curl): "127.0.0.1." is 127.0.0.1, and so is "①②⑦.0.0.1", which .NET leaves as the name
        // "xn--orhcp.0.0.1". Judge such a host as that address, or refuse it when it is none.
        var name = host.TrimEnd('.');
        if (EndsInANumber(name))
        {
            return IPAddress.TryParse(name, out var address)
                ? Judge(address)
                : $"The host '{host}' ends in a number but is not an IPv4 address; Herald does not send there.";
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

    private string? Judge(IPAddress address) =>
        policy.Refuse(address) is { } kind ? $"The address {address} is {kind}; Herald does not send there." : null;

    private static bool EndsInANumber(string host)
    {
        var last = host[(host.LastIndexOf('.') + 1)..];
        return (last.Length > 0 && last.All(char.IsAsciiDigit))
            || (last.Length > 1 && last[0] == '0' && last[1] is ('x' or 'X') && last[2..].All(char.IsAsciiHexDigit));
    }
}
