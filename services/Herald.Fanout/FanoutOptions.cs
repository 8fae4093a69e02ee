using System.ComponentModel.DataAnnotations;

namespace Herald.Fanout;

/// <summary>The <c>Fanout</c> section.</summary>
public sealed class FanoutOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Fanout";

    /// <summary>Audit records fanned out at once by one process.</summary>
    [Range(1, 1_000, ErrorMessage = "Fanout:ConcurrentMessageLimit must be between 1 and 1000.")]
    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>
    /// How long a new delivery waits for its first attempt before the retry scheduler dispatches
    /// it again, in case its first message was lost (a crash of the in-memory transport's process).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00", ErrorMessage = "Fanout:RedispatchAfter must be between 00:00:05 and 1.00:00:00.")]
    public TimeSpan RedispatchAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long fan-out may serve an organization's subscriptions from memory. Changes made
    /// through Herald reach every fan-out process at once; this bounds how stale a process can
    /// be if it missed the announcement. Zero reads the store for every record.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Fanout:WebhookCacheTtl must be between 00:00:00 and 01:00:00.")]
    public TimeSpan WebhookCacheTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Organizations whose subscriptions one process keeps; past it the cache starts over.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Fanout:WebhookCacheOrganizations must be between 1 and 10000000.")]
    public int WebhookCacheOrganizations { get; set; } = 100_000;
}
