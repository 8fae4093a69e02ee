using System.Net;
using System.Net.Sockets;

namespace Herald.Delivery.Security;

/// <summary>
/// The sender's connect step: resolves the host itself, drops every address the
/// <see cref="AddressPolicy"/> refuses, and dials only an allowed one. The check is on the
/// address actually dialled, so DNS rebinding between registration and send cannot slip a
/// private address through; redirects are never followed, so they cannot either.
/// </summary>
public sealed class GuardedConnector(AddressPolicy policy, IHostResolver resolver)
{
    /// <summary>For <see cref="SocketsHttpHandler.ConnectCallback"/>.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var port = context.DnsEndPoint.Port;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, cancellationToken);
        }
        catch (SocketException exception)
        {
            // Herald resolves names itself (to check the addresses), so it also names the failure.
            throw new HostNotFoundException($"could not resolve host '{host}'", exception);
        }

        var refused = new List<string>();
        Exception? lastFailure = null;
        foreach (var address in addresses)
        {
            if (policy.Refuse(address) is { } kind)
            {
                refused.Add($"{address} ({kind})");
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                lastFailure = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        if (lastFailure is not null)
        {
            throw lastFailure;
        }

        throw new DestinationNotAllowedException(refused.Count > 0
            ? $"destination not allowed: {host} is {string.Join(", ", refused)}"
            : $"destination not allowed: {host} has no address");
    }
}
