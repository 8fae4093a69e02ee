using Herald.Host;
using Herald.Testing;

namespace Herald.UnitTests.Host;

public sealed class When_herald_starts_with_a_bad_setting
{
    private TempDatabase database = null!;

    [SetUp]
    public void CreateDatabase() => database = new TempDatabase();

    [TearDown]
    public void DeleteDatabase() => database.Dispose();

    [TestCase("--Transport", "Carrier", "Transport")]
    [TestCase("--Roles", "nope", "Roles")]
    [TestCase("--Store", "Cassandra", "Store")]
    [TestCase("--Delivery:Timeout", "99:00:00", "Delivery:Timeout")]
    [TestCase("--Delivery:Timeout", "00:10:00", "Delivery:Timeout")]
    [TestCase("--Delivery:RetrySchedule", "5x", "Delivery:RetrySchedule")]
    [TestCase("--Fanout:ConcurrentMessageLimit", "0", "Fanout:ConcurrentMessageLimit")]
    [TestCase("--Ingest:MaxRecordBytes", "10", "Ingest:MaxRecordBytes")]
    [TestCase("--Fanout:WebhookCacheTtl", "02:00:00", "Fanout:WebhookCacheTtl")]
    [TestCase("--Security:ApiKeyCacheTtl", "-00:00:01", "Security:ApiKeyCacheTtl")]
    [TestCase("--Delivery:BacklogSampleInterval", "00:00:00", "Delivery:BacklogSampleInterval")]
    [TestCase("--Console:TraceUrl", "http://localhost:16686/trace/", "Console:TraceUrl")]
    [TestCase("--Console:TraceUrl", "ftp://traces/{trace_id}", "Console:TraceUrl")]
    public async Task Should_exit_with_code_2_and_name_the_setting(string option, string value, string setting)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = ["--urls", "http://127.0.0.1:0", "--Sqlite:Path", database.Path, "--Logging:LogLevel:Default", "None", option, value];

        var code = await HeraldProgram.RunAsync(args, output, error).WaitAsync(TimeSpan.FromSeconds(60));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error.ToString(), Does.StartWith("herald: invalid configuration:").And.Contains(setting));
        }
    }
}
