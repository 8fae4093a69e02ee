using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Herald.IntegrationTests.Support;
using Herald.Testing;

namespace Herald.IntegrationTests;

/// <summary>
/// The api role and the ingest role in different hosts over RabbitMQ, sharing one store: a key
/// revoked through the api stops working on ingest although ingest remembered it.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class When_a_key_is_revoked_while_ingest_runs_elsewhere
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private RabbitMqVirtualHost? vhost;
    private TempDatabase? database;
    private HeraldHost? api;
    private HeraldHost? ingest;
    private HttpClient? http;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        vhost = await (await RabbitMqBroker.GetAsync()).CreateVirtualHostAsync("revoke");
        database = new TempDatabase();
        api = await HeraldHost.StartOnRabbitMqAsync(vhost, "--Roles", "api", "--Sqlite:Path", database.Path);
        // An hour: only the announcement can make ingest check the key again in time.
        ingest = await HeraldHost.StartOnRabbitMqAsync(vhost, "--Roles", "ingest", "--Sqlite:Path", database.Path,
            "--Security:ApiKeyCacheTtl", "01:00:00");
        http = new HttpClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        http?.Dispose();
        if (ingest is not null) await ingest.DisposeAsync();
        if (api is not null) await api.DisposeAsync();
        if (vhost is not null) await vhost.DisposeAsync();
        database?.Dispose();
    }

    [Test]
    public async Task Should_refuse_the_key_on_ingest_once_the_revocation_is_announced()
    {
        var org = AuditRecords.NewOrganization();
        await SendAsync(HttpMethod.Post, api!, "/v1/organizations", TestKeys.Admin, new { id = org, name = org }, HttpStatusCode.Created);
        var key = await SendAsync(HttpMethod.Post, api!, $"/v1/organizations/{org}/api-keys", TestKeys.Admin, new { name = "upstream" }, HttpStatusCode.Created);
        var token = key!["key"]!.GetValue<string>();
        await SendAsync(HttpMethod.Post, ingest!, "/v1/audit-logs", token, AuditRecords.Valid(Guid.NewGuid(), org), HttpStatusCode.Accepted);

        await SendAsync(HttpMethod.Delete, api!, $"/v1/organizations/{org}/api-keys/{key["id"]!.GetValue<string>()}", TestKeys.Admin, null, HttpStatusCode.NoContent);

        await Wait.Eventually(async () =>
            Assert.That(await StatusAsync(HttpMethod.Post, ingest!, "/v1/audit-logs", token, AuditRecords.Valid(Guid.NewGuid(), org)), Is.EqualTo(HttpStatusCode.Unauthorized)),
            Timeout);
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, HeraldHost host, string path, string token, object? body, HttpStatusCode expected)
    {
        using var request = Request(method, host, path, token, body);
        using var response = await http!.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"{method} {path}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private async Task<HttpStatusCode> StatusAsync(HttpMethod method, HeraldHost host, string path, string token, object? body)
    {
        using var request = Request(method, host, path, token, body);
        using var response = await http!.SendAsync(request);
        return response.StatusCode;
    }

    private static HttpRequestMessage Request(HttpMethod method, HeraldHost host, string path, string token, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri(host.Client.Address, path)) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
