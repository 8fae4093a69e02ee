using System.Net;
using Herald.Delivery.Security;

namespace Herald.UnitTests.Security;

/// <summary>
/// DNS rebinding: the first answer is a public address, every later one loopback. The public
/// answer is given only while the test registers the webhook (<see cref="Registering"/>), when no
/// delivery exists yet, so even a broken sender could never be handed an address off this machine.
/// </summary>
internal sealed class RebindingResolver(IPAddress publicAddress, IPAddress loopbackAddress) : IHostResolver
{
    private int calls;

    public volatile bool Registering;

    public int Calls => Volatile.Read(ref calls);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref calls);
        return Task.FromResult<IPAddress[]>(call == 1 && Registering ? [publicAddress] : [loopbackAddress]);
    }
}
