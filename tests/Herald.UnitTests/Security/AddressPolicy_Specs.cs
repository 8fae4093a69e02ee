using System.Net;
using Herald.Delivery.Security;
using Herald.ServiceDefaults;

namespace Herald.UnitTests.Security;

// Pure policy: nothing here opens a connection, so any address may appear.
// Ranges after the IANA special-purpose registries (RFC 6890, RFC 8190).
public sealed class When_the_strict_policy_judges_an_address
{
    private static readonly string Allowed = "allowed";

    private static IEnumerable<TestCaseData> Addresses()
    {
        static TestCaseData Case(string address, string verdict) =>
            new TestCaseData(address, verdict).SetArgDisplayNames(address, verdict);

        // IPv4
        yield return Case("127.0.0.1", "loopback");
        yield return Case("127.255.255.254", "loopback");
        yield return Case("0.0.0.0", "this network");
        yield return Case("0.1.2.3", "this network");
        yield return Case("10.0.0.1", "private");
        yield return Case("10.255.255.255", "private");
        yield return Case("172.16.0.1", "private");
        yield return Case("172.31.255.254", "private");
        yield return Case("192.168.0.1", "private");
        yield return Case("100.64.0.1", "carrier-grade NAT");
        yield return Case("100.100.100.200", "carrier-grade NAT");
        yield return Case("169.254.169.254", "link-local (cloud metadata)");
        yield return Case("169.254.0.1", "link-local (cloud metadata)");
        yield return Case("192.0.0.8", "IETF protocol assignments");
        yield return Case("192.0.2.1", "documentation");
        yield return Case("198.51.100.7", "documentation");
        yield return Case("203.0.113.9", "documentation");
        yield return Case("198.18.0.1", "benchmarking");
        yield return Case("198.19.255.255", "benchmarking");
        yield return Case("192.88.99.1", "6to4 relay");
        yield return Case("224.0.0.1", "multicast");
        yield return Case("239.255.255.250", "multicast");
        yield return Case("240.0.0.1", "reserved");
        yield return Case("255.255.255.255", "reserved");

        // IPv6
        yield return Case("::1", "loopback");
        yield return Case("::", "unspecified");
        yield return Case("fc00::1", "unique local (private)");
        yield return Case("fd00:ec2::254", "unique local (private)");
        yield return Case("fe80::1", "link-local");
        yield return Case("fec0::1", "site-local");
        yield return Case("ff02::1", "multicast");
        yield return Case("2001:db8::1", "documentation");
        yield return Case("3fff::1", "documentation");
        yield return Case("100::1", "discard-only");
        yield return Case("2001::1", "IETF protocol assignments");
        yield return Case("64:ff9b:1::1", "local-use NAT64");

        // IPv4 carried in IPv6 is judged as the IPv4 address.
        yield return Case("::ffff:127.0.0.1", "loopback");
        yield return Case("::ffff:10.0.0.1", "private");
        yield return Case("::ffff:169.254.169.254", "link-local (cloud metadata)");
        yield return Case("64:ff9b::7f00:1", "loopback");
        yield return Case("64:ff9b::a9fe:a9fe", "link-local (cloud metadata)");
        yield return Case("2002:7f00:1::", "loopback");
        yield return Case("2002:a9fe:a9fe::", "link-local (cloud metadata)");
        yield return Case("2002:c0a8:1::1", "private");
        yield return Case("::127.0.0.1", "loopback");
        yield return Case("::10.0.0.1", "private");

        // IPv6 outside global unicast (2000::/3): reserved, whatever it carries.
        yield return Case("::ffff:0:7f00:1", "reserved");
        yield return Case("::ffff:0:a9fe:a9fe", "reserved");
        yield return Case("0:0:1::1", "reserved");
        yield return Case("4000::1", "reserved");

        // Public unicast.
        yield return Case("93.184.215.14", Allowed);
        yield return Case("1.1.1.1", Allowed);
        yield return Case("8.8.8.8", Allowed);
        yield return Case("172.32.0.1", Allowed);
        yield return Case("100.128.0.1", Allowed);
        yield return Case("2606:4700:4700::1111", Allowed);
        yield return Case("2a00:1450:4001:81c::200e", Allowed);
        yield return Case("64:ff9b::101:101", Allowed);
        yield return Case("::ffff:1.1.1.1", Allowed);
        yield return Case("2002:101:101::1", Allowed);
    }

    [TestCaseSource(nameof(Addresses))]
    public void Should_give_the_expected_verdict(string address, string verdict)
    {
        var refused = AddressPolicy.Strict.Refuse(IPAddress.Parse(address));

        Assert.That(refused ?? Allowed, Is.EqualTo(verdict));
    }

    [Test]
    public void Should_judge_at_least_forty_addresses() => Assert.That(Addresses().Count(), Is.GreaterThanOrEqualTo(40));

    [TestCase("::ffff:127.0.0.1", "127.0.0.1")]
    [TestCase("64:ff9b::a9fe:a9fe", "169.254.169.254")]
    [TestCase("64:ff9b::101:101", "1.1.1.1")]
    [TestCase("2002:7f00:1::", "127.0.0.1")]
    [TestCase("2002:a9fe:a9fe:1234::1", "169.254.169.254")]
    [TestCase("::127.0.0.1", "127.0.0.1")]
    [TestCase("::1", "::1")]
    [TestCase("::", "::")]
    [TestCase("2606:4700:4700::1111", "2606:4700:4700::1111")]
    [TestCase("10.0.0.1", "10.0.0.1")]
    public void Should_unwrap_the_IPv4_address_an_IPv6_address_carries(string address, string plain) =>
        Assert.That(AddressPolicy.Unwrap(IPAddress.Parse(address)), Is.EqualTo(IPAddress.Parse(plain)));

    [Test]
    public void Should_refuse_a_link_local_address_with_a_scope() =>
        Assert.That(AddressPolicy.Strict.Refuse(IPAddress.Parse("fe80::1%2")), Is.EqualTo("link-local"));
}

public sealed class When_an_operator_allows_networks
{
    [Test]
    public void Should_allow_loopback_but_still_refuse_private_networks_when_loopback_is_allowed()
    {
        var policy = AddressPolicy.Parse("127.0.0.0/8");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Refuse(IPAddress.Parse("127.0.0.1")), Is.Null);
            Assert.That(policy.Refuse(IPAddress.Parse("127.0.0.2")), Is.Null);
            Assert.That(policy.Refuse(IPAddress.Parse("::ffff:127.0.0.1")), Is.Null);
            Assert.That(policy.Refuse(IPAddress.Parse("10.0.0.1")), Is.EqualTo("private"));
            Assert.That(policy.Refuse(IPAddress.Parse("169.254.169.254")), Is.EqualTo("link-local (cloud metadata)"));
            Assert.That(policy.Refuse(IPAddress.Parse("::1")), Is.EqualTo("loopback"));
        }
    }

    [Test]
    public void Should_allow_only_the_IPv6_loopback_when_only_it_is_allowed()
    {
        var policy = AddressPolicy.Parse("::1/128");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Refuse(IPAddress.IPv6Loopback), Is.Null);
            Assert.That(policy.Refuse(IPAddress.Parse("0:0:0:0:0:0:0:1")), Is.Null);
            Assert.That(policy.Refuse(IPAddress.Loopback), Is.EqualTo("loopback"));
            Assert.That(policy.Refuse(IPAddress.Parse("fd00::1")), Is.EqualTo("unique local (private)"));
        }
    }

    [Test]
    public void Should_read_several_networks_with_spaces_and_empty_entries()
    {
        var policy = AddressPolicy.Parse(" 127.0.0.0/8 , ::1/128,, ");

        Assert.That(policy.Allowed.Select(n => n.ToString()), Is.EqualTo(new[] { "127.0.0.0/8", "::1/128" }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" , ")]
    public void Should_be_strict_when_the_setting_is_empty(string? setting)
    {
        var policy = AddressPolicy.Parse(setting);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Allowed, Is.Empty);
            Assert.That(policy.Refuse(IPAddress.Loopback), Is.EqualTo("loopback"));
        }
    }

    [TestCase("127.0.0.1")]
    [TestCase("localhost")]
    [TestCase("127.0.0.0/33")]
    [TestCase("10.0.0.0/8;192.168.0.0/16")]
    [TestCase("::1/129")]
    [TestCase("127.0.0.0/8,nonsense")]
    public void Should_reject_a_malformed_setting_naming_it(string setting)
    {
        var error = Assert.Throws<InvalidSettingException>(() => AddressPolicy.Parse(setting));

        Assert.That(error!.Message, Does.StartWith("Security:AllowedNetworks"));
    }
}
