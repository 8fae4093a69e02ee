namespace Herald.Testing;

/// <summary>The one bounded wait the tests use for state that settles asynchronously.</summary>
public static class Wait
{
    /// <summary>
    /// Runs <paramref name="assertion"/> until it stops throwing or <paramref name="timeout"/>
    /// passes; then it runs once more as the test's own assertion, so its failure is reported.
    /// Earlier tries run in an isolated NUnit context: NUnit 4 records a failed
    /// <c>Assert.That</c> even when its exception is caught, which would fail a test whose
    /// state simply had not settled yet.
    /// </summary>
    public static async Task Eventually(Func<Task> assertion, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using (new NUnit.Framework.Internal.TestExecutionContext.IsolatedContext())
                {
                    await assertion();
                }

                return;
            }
            catch (Exception)
            {
                await Task.Delay(50);
            }
        }

        await assertion();
    }

    /// <summary>Synchronous-assertion overload.</summary>
    public static Task Eventually(Action assertion, TimeSpan timeout) =>
        Eventually(() => { assertion(); return Task.CompletedTask; }, timeout);
}
