namespace Herald.Testing;

/// <summary>The bootstrap admin key the test hosts are started with.</summary>
public static class TestKeys
{
    /// <summary>Passed as <c>--Security:AdminKey</c>.</summary>
    public const string Admin = "herald-test-admin-key-0123456789abcdef";
}
