using System.Net;

namespace Herald.Delivery.Security;

/// <summary>Resolves host names; replaceable so tests can play DNS rebinding.</summary>
public interface IHostResolver
{
    /// <summary>The addresses of <paramref name="host"/>.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
