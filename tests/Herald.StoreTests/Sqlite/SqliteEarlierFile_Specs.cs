using Herald.Storage;
using Herald.StoreTests.Contract;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static Herald.StoreTests.Contract.TestData;

namespace Herald.StoreTests.Sqlite;

/// <summary>A file written by a version that recorded inbox requests but had no <c>inboxes</c> table.</summary>
public sealed class When_opening_a_file_from_before_inboxes_were_stored
{
    // The inbox table of that version, as it created it.
    private const string EarlierSchema = """
        CREATE TABLE inbox_requests (
            id TEXT NOT NULL PRIMARY KEY,
            inbox_id TEXT NOT NULL,
            method TEXT NOT NULL,
            path TEXT NOT NULL,
            query TEXT NOT NULL,
            headers TEXT NOT NULL,
            body TEXT NOT NULL,
            size INTEGER NOT NULL,
            remote_address TEXT NULL,
            received_at INTEGER NOT NULL
        );
        CREATE INDEX ix_inbox_requests_inbox ON inbox_requests (inbox_id, received_at DESC, id DESC);
        INSERT INTO inbox_requests VALUES ('req_old', 'org_acme/inb_old', 'POST', '/inbox/org_acme/inb_old', '', '[]', 'kept', 4, NULL, 638776216135890000);
        """;

    private string path = "";
    private ServiceProvider services = null!;
    private CancellationTokenSource timeout = null!;

    private CancellationToken Ct => timeout.Token;

    private IInboxStore Inbox => services.GetRequiredService<IInboxStore>();

    [SetUp]
    public async Task OpenTheEarlierFileAsync()
    {
        timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        path = SqliteTestEngine.NewPath();
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = EarlierSchema;
            await command.ExecuteNonQueryAsync(Ct);
        }

        services = SqliteTestEngine.CreateServices(path);
        await services.GetRequiredService<IStoreInitializer>().InitializeAsync(Ct);
    }

    [TearDown]
    public async Task CloseAsync()
    {
        await services.DisposeAsync();
        SqliteTestEngine.DeleteFiles(path);
        timeout.Dispose();
    }

    [Test]
    public async Task Should_keep_the_recorded_requests_and_list_inboxes_created_from_now_on()
    {
        Assert.That(await Inbox.ListInboxesAsync(TestData.Organization, 10, Ct), Is.Empty);

        await Inbox.CreateInboxAsync(new Inbox { Id = "org_acme/inb_new", OrganizationId = TestData.Organization, CreatedAt = At(1) }, Ct);
        await Inbox.AddAsync(InboxRequest("org_acme/inb_new", "req_new", At(2)), Ct);

        var listed = await Inbox.ListInboxesAsync(TestData.Organization, 10, Ct);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await Inbox.ListAsync("org_acme/inb_old", 10, Ct)).Select(r => r.Body), Is.EqualTo(new[] { "kept" }));
            Assert.That(listed.Select(s => (s.Inbox.Id, s.RequestCount, s.LastRequestAt)), Is.EqualTo(new[] { ("org_acme/inb_new", 1L, (DateTimeOffset?)At(2)) }));
        }
    }
}
