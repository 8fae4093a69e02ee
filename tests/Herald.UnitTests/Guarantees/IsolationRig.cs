namespace Herald.UnitTests.Guarantees;

/// <summary>The settings of the isolation issue: a worker of 4 slots, a 1-minute attempt timeout, fast deferrals.</summary>
internal static class IsolationRig
{
    public const int Records = 20;

    public static string[] Settings(int endpointLimit) =>
    [
        "--Delivery:ConcurrentMessageLimit", "4", "--Delivery:EndpointConcurrencyLimit", endpointLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--Delivery:Timeout", "00:01:00", "--Delivery:DispatchLease", "00:02:00", "--Delivery:DeferDelay", "00:00:00.200",
        "--Delivery:SchedulerInterval", "00:00:00.100", "--Fanout:RedispatchAfter", "00:00:05",
    ];
}
