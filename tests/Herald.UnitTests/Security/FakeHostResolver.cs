using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Herald.Delivery.Security;

namespace Herald.UnitTests.Security;

/// <summary>
/// DNS for the tests: names map to the addresses given, every query is recorded, and nothing
/// reaches a real name server (the machine may only talk to loopback). Like DNS, names are
/// case-insensitive and a trailing dot is the same name.
/// </summary>
internal sealed class FakeHostResolver : IHostResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> names = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> queries = new();

    /// <summary>The answer for a name not mapped; null answers "host not found".</summary>
    public IPAddress[]? Otherwise { get; init; }

    public IReadOnlyList<string> Queries => queries.ToArray();

    public FakeHostResolver Map(string name, params string[] addresses)
    {
        names[name] = addresses.Select(IPAddress.Parse).ToArray();
        return this;
    }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        queries.Enqueue(host);
        if (names.TryGetValue(host.TrimEnd('.'), out var addresses))
        {
            return Task.FromResult(addresses);
        }

        return Otherwise is { } otherwise
            ? Task.FromResult(otherwise)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}
