using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Herald.UnitTests.Api;
using Microsoft.Data.Sqlite;

namespace Herald.UnitTests.Tenancy;

public sealed class When_the_admin_manages_organizations_and_keys : HeraldServer
{
    [Test]
    public async Task Should_create_an_organization_once()
    {
        var id = NewOrganization();

        var (created, body) = await SendAsync(HttpMethod.Post, "/v1/organizations", null, new { id, name = "Acme" });
        var (repeated, conflict) = await SendAsync(HttpMethod.Post, "/v1/organizations", null, new { id, name = "Other" });
        var (_, list) = await SendAsync(HttpMethod.Get, "/v1/organizations", null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(created, Is.EqualTo(201), body?.ToJsonString());
            Assert.That(body?["id"]?.GetValue<string>(), Is.EqualTo(id));
            Assert.That(body?["name"]?.GetValue<string>(), Is.EqualTo("Acme"));
            Assert.That(repeated, Is.EqualTo(409), conflict?.ToJsonString());
            Assert.That(list!.AsArray().Where(o => o!["id"]!.GetValue<string>() == id).Select(o => o!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Acme" }));
        }
    }

    [TestCase("")]
    [TestCase("a b")]
    [TestCase("a/b")]
    [TestCase("ünï")]
    [TestCase(null)]
    public async Task Should_refuse_a_bad_organization_id_naming_it_and_store_nothing(string? id)
    {
        await BadIdAsync(id);
    }

    [Test]
    public async Task Should_refuse_an_organization_id_of_129_characters()
    {
        await BadIdAsync(new string('a', 129));
        var (status, _) = await SendAsync(HttpMethod.Post, "/v1/organizations", null, new { id = "b" + new string('a', 127) });
        Assert.That(status, Is.EqualTo(201), "128 characters is still allowed");
    }

    [Test]
    public async Task Should_show_a_new_key_once_and_list_keys_without_secrets()
    {
        var org = NewOrganization();
        Assert.That((await SendAsync(HttpMethod.Post, "/v1/organizations", null, new { id = org })).Status, Is.EqualTo(201));

        var (status, created) = await SendAsync(HttpMethod.Post, $"/v1/organizations/{org}/api-keys", null, new { name = "ci" });
        var (listed, list) = await SendAsync(HttpMethod.Get, $"/v1/organizations/{org}/api-keys", null);
        var token = created?["key"]?.GetValue<string>() ?? string.Empty;
        var item = list!.AsArray().Single()!.AsObject();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(201), created?.ToJsonString());
            Assert.That(token, Does.Match("^hk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$"));
            Assert.That(created?["id"]?.GetValue<string>(), Is.EqualTo("key_" + token[3..19]));
            Assert.That(listed, Is.EqualTo(200));
            Assert.That(item["id"]!.GetValue<string>(), Is.EqualTo(created?["id"]?.GetValue<string>()));
            Assert.That(item.Select(p => p.Key), Has.None.EqualTo("key").And.None.Contains("hash").And.None.Contains("secret"));
            Assert.That(list.ToJsonString(), Does.Not.Contain(token[20..]));
            Assert.That(list.ToJsonString(), Does.Not.Contain(Sha256Hex(token[20..])));
        }
    }

    [Test]
    public async Task Should_answer_404_for_a_missing_organization()
    {
        var missing = NewOrganization();

        var (issue, _) = await SendAsync(HttpMethod.Post, $"/v1/organizations/{missing}/api-keys", null, new { name = "ci" });
        var (list, _) = await SendAsync(HttpMethod.Get, $"/v1/organizations/{missing}/api-keys", null);
        var (revoke, _) = await SendAsync(HttpMethod.Delete, $"/v1/organizations/{missing}/api-keys/key_0123456789abcdef", null);
        var (_, organizations) = await SendAsync(HttpMethod.Get, "/v1/organizations", null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(issue, Is.EqualTo(404));
            Assert.That(list, Is.EqualTo(404));
            Assert.That(revoke, Is.EqualTo(404));
            Assert.That(organizations!.AsArray().Select(o => o!["id"]!.GetValue<string>()), Has.None.EqualTo(missing), "issuing a key created nothing");
        }
    }

    [Test]
    public async Task Should_store_keys_only_as_hashes()
    {
        var org = NewOrganization();
        var token = await KeyForAsync(org);
        var secret = token[20..];

        var rows = new List<Dictionary<string, string>>();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(Ct);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM api_keys";
            using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!));
            }
        }

        var ours = rows.Where(r => r.ContainsValue(org)).ToList();
        var values = rows.SelectMany(r => r.Values).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ours, Has.Count.EqualTo(1), "the key's row was read");
            Assert.That(ours.SelectMany(r => r.Values), Has.Member(Sha256Hex(secret)), "the secret's SHA-256 is what is stored");
            Assert.That(values, Has.None.Contains(token));
            Assert.That(values, Has.None.Contains(secret));
            Assert.That(values, Has.None.Contains(secret[..16]));
        }
    }

    private async Task BadIdAsync(string? id)
    {
        var (_, before) = await SendAsync(HttpMethod.Get, "/v1/organizations", null);
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/organizations", null, new { id, name = "Bad" });
        var (_, after) = await SendAsync(HttpMethod.Get, "/v1/organizations", null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(400), body?.ToJsonString());
            Assert.That(body?["errors"]?.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "id" }));
            Assert.That(after!.ToJsonString(), Is.EqualTo(before!.ToJsonString()), "nothing stored");
        }
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
