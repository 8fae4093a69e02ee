using System.ComponentModel.DataAnnotations;

namespace Herald.Security;

/// <summary>The <c>Security</c> section's settings for remembering authenticated keys.</summary>
public sealed class ApiKeyCacheOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Security";

    /// <summary>
    /// How long a process remembers a valid key before checking the store again. Revocations are
    /// announced to every process at once; this bounds how long one that missed the announcement
    /// accepts a revoked key. Zero checks the store on every request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Security:ApiKeyCacheTtl must be between 00:00:00 and 01:00:00.")]
    public TimeSpan ApiKeyCacheTtl { get; set; } = TimeSpan.FromSeconds(30);
}
