namespace Herald.UnitTests;

/// <summary>
/// Conditions polled by <c>Wait.Eventually</c>. NUnit records a failed <c>Assert</c> in the result
/// even when the exception is caught, so a poll that fails before the state settles throws a plain
/// exception instead; the final check after the wait is an ordinary assertion.
/// </summary>
internal static class Settle
{
    public static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Not yet: " + what);
        }
    }
}
