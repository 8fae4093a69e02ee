namespace Herald.IntegrationTests.Support;

/// <summary>
/// Checks for inside <c>Wait.Eventually</c>: a plain exception the wait retries on. NUnit's own
/// assertions record a failure on the test result even when the exception is caught, so they
/// belong after the wait, not inside it.
/// </summary>
public static class Expect
{
    /// <summary>Throws with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void True(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
