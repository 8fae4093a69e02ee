using System.Net;
using System.Net.Sockets;

namespace Herald.UnitTests.Security;

/// <summary>Canaries on 127.0.0.1 and [::1] sharing one port, so every loopback form of a URL can name the same port.</summary>
internal sealed class Canaries : IAsyncDisposable
{
    private Canaries(Canary v4, Canary? v6, string? v6Unavailable) => (V4, V6, V6Unavailable) = (v4, v6, v6Unavailable);

    public Canary V4 { get; }

    /// <summary>Null when [::1] cannot be listened on here; <see cref="V6Unavailable"/> says why.</summary>
    public Canary? V6 { get; }

    public string? V6Unavailable { get; }

    public int Port => V4.Port;

    public int Leaks => V4.Leaks.Count + (V6?.Leaks.Count ?? 0);

    public static Canaries Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var v4 = Canary.Start(IPAddress.Loopback);
            try
            {
                return new Canaries(v4, Canary.Start(IPAddress.IPv6Loopback, v4.Port), null);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < 20)
            {
                // The port is free on 127.0.0.1 but taken on [::1]; try another.
                v4.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (SocketException exception)
            {
                return new Canaries(v4, null, $"[::1] is not available here ({exception.SocketErrorCode}: {exception.Message})");
            }
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await V4.FlushAsync(cancellationToken);
        if (V6 is not null)
        {
            await V6.FlushAsync(cancellationToken);
        }
    }

    public override string ToString() => V6 is null ? $"{V4}; {V6Unavailable}" : $"{V4}; {V6}";

    public async ValueTask DisposeAsync()
    {
        await V4.DisposeAsync();
        if (V6 is not null)
        {
            await V6.DisposeAsync();
        }
    }
}
