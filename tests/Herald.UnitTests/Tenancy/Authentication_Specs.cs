using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Herald.Testing;
using Herald.UnitTests.Api;

namespace Herald.UnitTests.Tenancy;

public sealed class When_a_caller_presents_no_or_the_wrong_key : HeraldServer
{
    /// <summary>The route families the issue names; the walk must find each, so it cannot pass on an empty table.</summary>
    private static readonly string[] Families =
    [
        "GET /v1/webhooks", "POST /v1/webhooks/{}/copy", "GET /v1/webhooks/{}/events/{}", "POST /v1/webhooks/{}/events/{}/redeliver",
        "POST /v1/webhooks/{}/recover", "POST /v1/webhooks/{}/secret/rotate", "POST /v1/inboxes", "GET /v1/inboxes", "GET /v1/inboxes/{}/requests",
        "POST /v1/organizations", "DELETE /v1/organizations/{}/api-keys/{}", "POST /v1/audit-logs",
    ];

    private HttpClient bare = null!;

    private IReadOnlyList<string> V1Routes => AppRoutes.Under(Services, "/v1/");

    /// <summary>A client without the fixture's default admin Authorization, so "no key" really sends none.</summary>
    [OneTimeSetUp]
    public void CreateBareClient() => bare = new HttpClient { BaseAddress = Http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    [OneTimeTearDown]
    public void DisposeBareClient() => bare.Dispose();

    [Test]
    public async Task Should_challenge_every_v1_route_called_without_a_key()
    {
        var answers = new List<(string Route, int Status, string? Challenge, string? ContentType, JsonNode? Body)>();
        foreach (var route in V1Routes)
        {
            using var response = await CallAsync(route, authorization: null);
            var text = await response.Content.ReadAsStringAsync(Ct);
            answers.Add((route, (int)response.StatusCode, response.Headers.WwwAuthenticate.ToString(), response.Content.Headers.ContentType?.MediaType,
                text.Length == 0 ? null : JsonNode.Parse(text)));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(V1Routes, Is.SupersetOf(Families));
            foreach (var (route, status, challenge, contentType, body) in answers)
            {
                Assert.That(status, Is.EqualTo(401), route);
                Assert.That(challenge, Is.EqualTo("Bearer"), route);
                Assert.That(contentType, Is.EqualTo("application/problem+json"), route);
                Assert.That(body?["status"]?.GetValue<int>(), Is.EqualTo(401), route);
                Assert.That(body?["title"]?.GetValue<string>(), Is.Not.Empty, route);
            }
        }
    }

    [Test]
    public async Task Should_refuse_malformed_unknown_and_wrong_secret_keys_on_every_v1_route()
    {
        var real = await KeyForAsync(NewOrganization());
        var wrongSecret = real[..20] + new string('A', 43);
        string[] tokens = ["not-a-key", "hk_0123456789abcdef_" + new string('x', 43), wrongSecret, real + "x", real[..^1], TestKeys.Admin + "x"];
        Assert.That(wrongSecret, Has.Length.EqualTo(real.Length).And.Not.EqualTo(real));

        var failures = new List<string>();
        foreach (var route in V1Routes)
        {
            foreach (var token in tokens)
            {
                using var response = await CallAsync(route, new AuthenticationHeaderValue("Bearer", token));
                if ((int)response.StatusCode != 401 || response.Headers.WwwAuthenticate.ToString() != "Bearer")
                {
                    failures.Add($"{route} with {token[..Math.Min(12, token.Length)]}…: {(int)response.StatusCode}");
                }
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task Should_refuse_the_admin_key_on_organization_routes_and_organization_keys_on_admin_routes()
    {
        var orgKey = await KeyForAsync(NewOrganization());
        var answers = new List<(string Route, int Status)>();
        foreach (var route in V1Routes.Where(r => r.Contains(" /v1/webhooks", StringComparison.Ordinal)))
        {
            using var response = await CallAsync(route, new AuthenticationHeaderValue("Bearer", TestKeys.Admin));
            answers.Add(($"admin key: {route}", (int)response.StatusCode));
        }

        foreach (var route in V1Routes.Where(r => r.Contains(" /v1/organizations", StringComparison.Ordinal)))
        {
            using var response = await CallAsync(route, new AuthenticationHeaderValue("Bearer", orgKey));
            answers.Add(($"organization key: {route}", (int)response.StatusCode));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Count(a => a.Route.StartsWith("admin", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(11));
            Assert.That(answers.Count(a => a.Route.StartsWith("organization", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(5));
            foreach (var (route, status) in answers)
            {
                Assert.That(status, Is.EqualTo(401), route);
            }
        }
    }

    [Test]
    public async Task Should_forbid_publishing_for_another_organization_and_deliver_nothing()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var (a, b) = (NewOrganization(), NewOrganization());
        var webhookId = (await CreateWebhookAsync(a, receiver.UrlFor("/hook")))["id"]!.GetValue<string>();
        var forged = Guid.NewGuid();
        var legit = Guid.NewGuid();

        var (forgedStatus, forgedBody) = await SendAsync(HttpMethod.Post, "/v1/audit-logs", b, AuditRecord(a, forged));
        var (legitStatus, _) = await SendAsync(HttpMethod.Post, "/v1/audit-logs", a, AuditRecord(a, legit));
        await receiver.WaitForAsync(1, TimeSpan.FromSeconds(20));
        var (_, events) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhookId}/events", a);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forgedStatus, Is.EqualTo(403), forgedBody?.ToJsonString());
            Assert.That(legitStatus, Is.EqualTo(202));
            Assert.That(receiver.Requests.Select(r => r.BodyText), Has.None.Contains(forged.ToString()));
            Assert.That(events!["items"]!.AsArray().Select(e => e!["event_id"]!.GetValue<string>()), Is.EqualTo(new[] { $"evt_{legit}" }));
        }
    }

    [Test]
    public async Task Should_refuse_a_key_revoked_before_its_first_use()
    {
        var org = NewOrganization();
        await KeyForAsync(org);
        var (keyId, token) = await IssueKeyAsync(org);

        using var revoke = await AdminAsync(HttpMethod.Delete, $"/v1/organizations/{org}/api-keys/{keyId}");
        using var again = await AdminAsync(HttpMethod.Delete, $"/v1/organizations/{org}/api-keys/{keyId}");
        using var listed = await AdminAsync(HttpMethod.Get, $"/v1/organizations/{org}/api-keys");
        var key = JsonNode.Parse(await listed.Content.ReadAsStringAsync(Ct))!.AsArray().Single(k => k!["id"]!.GetValue<string>() == keyId)!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)revoke.StatusCode, Is.EqualTo(204));
            Assert.That((int)again.StatusCode, Is.EqualTo(404));
            Assert.That(key["revoked_at"]?.GetValue<DateTimeOffset>(), Is.Not.Null);
            Assert.That(await StatusWithAsync(token, HttpMethod.Get, "/v1/webhooks"), Is.EqualTo(401));
            Assert.That(await StatusWithAsync(token, HttpMethod.Post, "/v1/audit-logs", AuditRecord(org)), Is.EqualTo(401));
            Assert.That(await StatusWithAsync(token, HttpMethod.Post, "/v1/inboxes"), Is.EqualTo(401));
        }
    }

    [Test]
    public async Task Should_refuse_a_used_key_as_soon_as_it_is_revoked()
    {
        var org = NewOrganization();
        await KeyForAsync(org);
        var (keyId, token) = await IssueKeyAsync(org);
        Assert.That(await StatusWithAsync(token, HttpMethod.Get, "/v1/webhooks"), Is.EqualTo(200), "the key should work and be remembered");

        using var revoke = await AdminAsync(HttpMethod.Delete, $"/v1/organizations/{org}/api-keys/{keyId}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)revoke.StatusCode, Is.EqualTo(204));
            Assert.That(await StatusWithAsync(token, HttpMethod.Get, "/v1/webhooks"), Is.EqualTo(401));
            Assert.That(await StatusWithAsync(token, HttpMethod.Post, "/v1/audit-logs", AuditRecord(org)), Is.EqualTo(401));
        }
    }

    private async Task<(string KeyId, string Token)> IssueKeyAsync(string org)
    {
        using var issued = await AdminAsync(HttpMethod.Post, $"/v1/organizations/{org}/api-keys", new { name = "revocable" });
        var body = JsonNode.Parse(await issued.Content.ReadAsStringAsync(Ct))!;
        Assert.That((int)issued.StatusCode, Is.EqualTo(201), body.ToJsonString());
        return (body["id"]!.GetValue<string>(), body["key"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);
        return Http.SendAsync(request, Ct);
    }

    private async Task<int> StatusWithAsync(string token, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await bare.SendAsync(request, Ct);
        return (int)response.StatusCode;
    }

    /// <summary>Calls a route with its parameters filled and a plausible JSON body, with the given (or no) Authorization.</summary>
    private Task<HttpResponseMessage> CallAsync(string route, AuthenticationHeaderValue? authorization)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(route[..space]), AppRoutes.Fill(route[(space + 1)..], "x1"))
        {
            Content = route.StartsWith("GET", StringComparison.Ordinal) || route.StartsWith("DELETE", StringComparison.Ordinal)
                ? null
                : JsonContent.Create(new { id = "x1", name = "x1", since = "2000-01-01T00:00:00Z" }),
        };
        request.Headers.Authorization = authorization;
        return bare.SendAsync(request, Ct);
    }
}
