using System.Net;
using System.Net.Sockets;

namespace Herald.Delivery.Security;

/// <summary>
/// Which addresses Herald may connect to: public unicast only, unless an operator allows a
/// network (<c>Security:AllowedNetworks</c>). IPv4 embedded in IPv6 (mapped, NAT64, 6to4,
/// IPv4-compatible) is judged as the IPv4 address it carries, so no form slips through.
/// </summary>
public sealed class AddressPolicy(IReadOnlyList<IPNetwork> allowed)
{
    private static readonly (IPNetwork Network, string Name)[] Blocked =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "this network"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "carrier-grade NAT"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local (cloud metadata)"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "IETF protocol assignments"),
        (IPNetwork.Parse("192.0.2.0/24"), "documentation"),
        (IPNetwork.Parse("192.88.99.0/24"), "6to4 relay"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking"),
        (IPNetwork.Parse("198.51.100.0/24"), "documentation"),
        (IPNetwork.Parse("203.0.113.0/24"), "documentation"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("100::/64"), "discard-only"),
        (IPNetwork.Parse("2001::/23"), "IETF protocol assignments"),
        (IPNetwork.Parse("2001:db8::/32"), "documentation"),
        (IPNetwork.Parse("3fff::/20"), "documentation"),
        (IPNetwork.Parse("fc00::/7"), "unique local (private)"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "site-local"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork Nat64Local = IPNetwork.Parse("64:ff9b:1::/48");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Compatible = IPNetwork.Parse("::/96");
    private static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");

    /// <summary>A policy that allows no private network.</summary>
    public static AddressPolicy Strict { get; } = new([]);

    /// <summary>The networks an operator allowed.</summary>
    public IReadOnlyList<IPNetwork> Allowed => allowed;

    /// <summary>Null when Herald may connect to <paramref name="address"/>; otherwise the kind of address it is.</summary>
    public string? Refuse(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return "not an IP address";
        }

        var plain = Unwrap(address);
        if (allowed.Any(n => n.Contains(address) || n.Contains(plain)))
        {
            return null;
        }

        if (plain.AddressFamily == AddressFamily.InterNetworkV6 && Nat64Local.Contains(plain))
        {
            return "local-use NAT64";
        }

        foreach (var (network, name) in Blocked)
        {
            if (network.Contains(plain))
            {
                return name;
            }
        }

        // Public IPv6 is 2000::/3 (RFC 4291); the rest is reserved, such as the IPv4-translated
        // ::ffff:0:0/96 (RFC 2765), which a translator may carry to the IPv4 address inside.
        if (plain.AddressFamily == AddressFamily.InterNetworkV6 && !GlobalUnicast.Contains(plain))
        {
            return "reserved";
        }

        return plain.Equals(IPAddress.Broadcast) ? "broadcast" : null;
    }

    /// <summary>The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4, compatible), else the address itself.</summary>
    public static IPAddress Unwrap(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address) || (Compatible.Contains(address) && !address.Equals(IPAddress.IPv6Loopback) && !address.Equals(IPAddress.IPv6Any)))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return SixToFour.Contains(address) ? new IPAddress(bytes.AsSpan(2, 4)) : address;
    }

    /// <summary>Parses <c>Security:AllowedNetworks</c> (CIDR blocks separated by commas); errors name the setting.</summary>
    public static AddressPolicy Parse(string? networks)
    {
        var list = new List<IPNetwork>();
        foreach (var part in (networks ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPNetwork.TryParse(part, out var network))
            {
                throw new ServiceDefaults.InvalidSettingException($"Security:AllowedNetworks: '{part}' is not a network in CIDR form, such as 127.0.0.0/8 or ::1/128.");
            }

            list.Add(network);
        }

        return new AddressPolicy(list);
    }
}
