using System.Text;
using Herald.Testing;
using Herald.UnitTests.Api;
using Herald.UnitTests.Delivery;
using Microsoft.Data.Sqlite;

namespace Herald.UnitTests.Secrets;

public class When_reading_the_raw_store : HeraldServer
{
    [Test]
    public async Task Should_find_no_signing_secret_in_plaintext()
    {
        var org = NewOrganization();
        var created = await CreateWebhookAsync(org);
        var id = created["id"]!.GetValue<string>();
        var secret = created["secret"]!.GetValue<string>();
        var (status, rotated) = await SendAsync(HttpMethod.Post, $"/v1/webhooks/{id}/secret/rotate", org);
        Assert.That(status, Is.EqualTo(200), rotated?.ToJsonString());
        var newSecret = rotated!["secret"]!.GetValue<string>();

        string stored, previous;
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT secret, previous_secret FROM webhooks WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            Assert.That(await reader.ReadAsync(Ct), Is.True);
            (stored, previous) = (reader.GetString(0), reader.GetString(1));
        }

        var files = string.Concat(new[] { "", "-wal" }.Where(s => File.Exists(DatabasePath + s)).Select(s => Encoding.Latin1.GetString(ReadShared(DatabasePath + s))));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored, Does.StartWith("enc:v1:"));
            Assert.That(previous, Does.StartWith("enc:v1:"));
            Assert.That(files, Does.Not.Contain(secret[6..]), "the first secret appears nowhere in the database files");
            Assert.That(files, Does.Not.Contain(newSecret[6..]), "the rotated secret appears nowhere in the database files");
        }
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

public class When_rotating_a_secret : HeraldServer
{
    [Test]
    public async Task Should_sign_with_both_secrets_during_the_grace_period()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var org = NewOrganization();
        var created = await CreateWebhookAsync(org, receiver.UrlFor("/hook"));
        var id = created["id"]!.GetValue<string>();
        var oldSecret = created["secret"]!.GetValue<string>();
        var (_, rotated) = await SendAsync(HttpMethod.Post, $"/v1/webhooks/{id}/secret/rotate", org);
        var newSecret = rotated!["secret"]!.GetValue<string>();
        Assert.That(rotated["previous_secret_expires_at"]!.GetValue<DateTimeOffset>(), Is.GreaterThan(DateTimeOffset.UtcNow.AddHours(23)));

        var (status, _) = await SendAsync(HttpMethod.Post, "/v1/audit-logs", null, AuditRecord(org));
        Assert.That(status, Is.EqualTo(202));
        await receiver.WaitForAsync(1, TimeSpan.FromSeconds(20));

        var request = receiver.Requests[0];
        var (messageId, timestamp, signature) = (request.Header("webhook-id")[0], request.Header("webhook-timestamp")[0], request.Header("webhook-signature")[0]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(signature.Split(' '), Has.Length.EqualTo(2));
            Assert.That(StandardWebhooksVerifier.Verify(newSecret, messageId, timestamp, signature, request.Body), Is.True, "verifies with the new secret");
            Assert.That(StandardWebhooksVerifier.Verify(oldSecret, messageId, timestamp, signature, request.Body), Is.True, "and still with the old one");
        }
    }

    [Test]
    public async Task Should_not_rotate_another_organizations_secret()
    {
        var created = await CreateWebhookAsync(NewOrganization());
        var (status, _) = await SendAsync(HttpMethod.Post, $"/v1/webhooks/{created["id"]!.GetValue<string>()}/secret/rotate", NewOrganization());
        Assert.That(status, Is.EqualTo(404));
    }
}
