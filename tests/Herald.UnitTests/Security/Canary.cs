using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Herald.Testing;

namespace Herald.UnitTests.Security;

/// <summary>
/// A TCP listener on a loopback address that counts every connection it accepts and closes it.
/// A leak is any accepted connection that is not one of the canary's own probes;
/// <see cref="FlushAsync"/> connects a probe and waits until it is accepted, and since a listener
/// accepts in arrival order, every connection made before the flush has been counted by then.
/// </summary>
internal sealed class Canary : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly ConcurrentQueue<EndPoint> accepted = new();
    private readonly ConcurrentDictionary<EndPoint, bool> probes = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private Canary(IPAddress address, int port)
    {
        listener = new TcpListener(address, port);
        listener.Start();
        Address = address;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        loop = AcceptAsync();
    }

    public IPAddress Address { get; }

    public int Port { get; }

    /// <summary>Every accepted connection, probes included.</summary>
    public int Accepted => accepted.Count;

    /// <summary>Accepted connections that were not probes: connections from the code under test.</summary>
    public IReadOnlyList<EndPoint> Leaks => accepted.Where(e => !probes.ContainsKey(e)).ToList();

    /// <summary>Listens on <paramref name="address"/>; port 0 picks a free one. Throws <see cref="SocketException"/> when it cannot.</summary>
    public static Canary Start(IPAddress address, int port = 0) => new(address, port);

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        using var probe = new Socket(Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await probe.ConnectAsync(new IPEndPoint(Address, Port), cancellationToken);
        var local = probe.LocalEndPoint!;
        probes[local] = true;
        await Wait.Eventually(() => Settle.Require(accepted.Contains(local), $"the canary on {Address}:{Port} accepted its probe"), TimeSpan.FromSeconds(10));
    }

    public override string ToString() => $"{new IPEndPoint(Address, Port)}: {Accepted} accepted, {Leaks.Count} not probes";

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            accepted.Enqueue(connection.RemoteEndPoint!);
            connection.Dispose();
        }
    }
}
