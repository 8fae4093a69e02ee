namespace Herald.Testing;

/// <summary>The one bounded wait the tests use for state that settles asynchronously.</summary>
public static class Wait
{
    /// <summary>
    /// Runs <paramref name="assertion"/> until it stops throwing or <paramref name="timeout"/>
    /// passes; then the last failure is thrown.
    /// </summary>
    public static async Task Eventually(Func<Task> assertion, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Synchronous-assertion overload.</summary>
    public static Task Eventually(Action assertion, TimeSpan timeout) =>
        Eventually(() => { assertion(); return Task.CompletedTask; }, timeout);
}
