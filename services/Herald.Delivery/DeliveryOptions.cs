using System.ComponentModel.DataAnnotations;

namespace Herald.Delivery;

/// <summary>The <c>Delivery</c> section.</summary>
public sealed class DeliveryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Delivery";

    /// <summary>Attempts one process makes at once.</summary>
    [Range(1, 10_000, ErrorMessage = "Delivery:ConcurrentMessageLimit must be between 1 and 10000.")]
    public int ConcurrentMessageLimit { get; set; } = 64;

    /// <summary>Time allowed to open the connection (TCP and TLS).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Delivery:ConnectTimeout must be between 00:00:00.100 and 00:01:00.")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time allowed for the whole attempt, connect to last byte read.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Delivery:Timeout must be between 00:00:00.100 and 00:05:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Response body bytes read and stored; the rest is discarded and the attempt marked truncated.</summary>
    [Range(0, 1_048_576, ErrorMessage = "Delivery:ResponseBodyLimit must be between 0 and 1048576 bytes.")]
    public int ResponseBodyLimit { get; set; } = 64 * 1024;

    /// <summary>
    /// Delay before each attempt, the first included, as durations separated by commas
    /// (<c>0s,5s,5m,30m,2h,5h,10h,10h</c>): its length is the number of attempts.
    /// </summary>
    [Required(ErrorMessage = "Delivery:RetrySchedule is required.")]
    public string RetrySchedule { get; set; } = "0s,5s,5m,30m,2h,5h,10h,10h";

    /// <summary>Share of each delay added or taken at random, so retries of many deliveries spread out.</summary>
    [Range(0.0, 0.5, ErrorMessage = "Delivery:RetryJitter must be between 0 and 0.5.")]
    public double RetryJitter { get; set; } = 0.1;

    /// <summary>How often the backlog gauges (<c>herald.deliveries.open</c>, <c>.due</c>, <c>.due_age</c>) are read from the store.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Delivery:BacklogSampleInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan BacklogSampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the retry scheduler looks for due deliveries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Delivery:SchedulerInterval must be between 00:00:00.050 and 00:10:00.")]
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Due deliveries the scheduler takes per pass.</summary>
    [Range(1, 10_000, ErrorMessage = "Delivery:SchedulerBatchSize must be between 1 and 10000.")]
    public int SchedulerBatchSize { get; set; } = 500;

    /// <summary>
    /// How long a dispatched delivery is held before the scheduler may dispatch it again (a
    /// worker died mid-attempt, or the message was lost). Longer than <see cref="Timeout"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00", ErrorMessage = "Delivery:DispatchLease must be between 00:00:05 and 1.00:00:00.")]
    public TimeSpan DispatchLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts one process makes at once to one webhook; more are deferred, not queued behind it.</summary>
    [Range(1, 1_000, ErrorMessage = "Delivery:EndpointConcurrencyLimit must be between 1 and 1000.")]
    public int EndpointConcurrencyLimit { get; set; } = 8;

    /// <summary>How long an attempt waits for one of its webhook's slots before it is deferred.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10", ErrorMessage = "Delivery:EndpointSlotWait must be between 00:00:00 and 00:00:10.")]
    public TimeSpan EndpointSlotWait { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a delivery waits when its webhook is at its concurrency limit.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Delivery:DeferDelay must be between 00:00:00.050 and 00:10:00.")]
    public TimeSpan DeferDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of failed attempts, within the sampling window, that opens a webhook's circuit.</summary>
    [Range(0.01, 1.0, ErrorMessage = "Delivery:CircuitFailureRatio must be between 0.01 and 1.")]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in the sampling window before the circuit can open.</summary>
    [Range(2, 10_000, ErrorMessage = "Delivery:CircuitMinimumThroughput must be between 2 and 10000.")]
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>The window failures are counted in.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00", ErrorMessage = "Delivery:CircuitSamplingDuration must be between 00:00:00.500 and 01:00:00.")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit defers a webhook's deliveries before one is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00", ErrorMessage = "Delivery:CircuitBreakDuration must be between 00:00:00.500 and 01:00:00.")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait a 429 or 503 <c>Retry-After</c> may impose.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Delivery:MaxRetryAfter must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A webhook failing this long without one success is disabled and its deliveries parked.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00", ErrorMessage = "Delivery:DisableAfter must be between 00:00:01 and 365.00:00:00.")]
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(5);
}
