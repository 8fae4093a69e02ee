using System.Text.RegularExpressions;
using Herald.Host;
using Herald.Testing;

namespace Herald.UnitTests.Host;

public sealed partial class When_running_the_demo
{
    [Test]
    public async Task Should_deliver_every_sample_record_to_the_inbox_and_exit_zero()
    {
        using var database = new TempDatabase();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await HeraldProgram.RunAsync(["demo", "--Sqlite:Path", database.Path], output, error).WaitAsync(TimeSpan.FromSeconds(90));

        var text = output.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero, text + error);
            Assert.That(text, Does.Contain("(header Test: Webhook)"));
            Assert.That(Delivered().Matches(text), Has.Count.EqualTo(3), text);
            Assert.That(text, Does.Contain("received 3 requests, 3 with Test: Webhook"));
            Assert.That(text, Does.EndWith("All deliveries succeeded." + Environment.NewLine));
        }
    }

    [GeneratedRegex(@"evt_[0-9a-f-]{36}\s+succeeded\s+status 200\s+in \d+\.\d ms")]
    private static partial Regex Delivered();
}
