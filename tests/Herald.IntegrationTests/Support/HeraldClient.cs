using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Herald.Testing;

namespace Herald.IntegrationTests.Support;

/// <summary>Herald's public HTTP API as a test calls it: ingest, webhooks and the delivery log.</summary>
public sealed class HeraldClient(Uri address) : IDisposable
{
    private readonly HttpClient http = Authenticated(new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) });
    private OrganizationKeys? keys;

    private OrganizationKeys Keys => keys ??= new OrganizationKeys(http);

    /// <summary>The API's base address.</summary>
    public Uri Address => address;

    /// <summary>Creates a webhook (secure mode off, so http:// loopback URLs are allowed); returns its JSON, secret included.</summary>
    public async Task<JsonNode> CreateWebhookAsync(string organization, string url, params (string Key, string Value)[] headers)
    {
        var body = new JsonObject
        {
            ["name"] = "integration test",
            ["url"] = url,
            ["headers"] = new JsonArray(headers.Select(h => (JsonNode)new JsonObject { ["key"] = h.Key, ["value"] = h.Value }).ToArray()),
            ["event_categories"] = new JsonArray("audit_log_creation"),
            ["secure"] = false,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Keys.ForAsync(organization, CancellationToken.None));
        using var response = await http.SendAsync(request);
        return await ReadAsync(response, HttpStatusCode.Created);
    }

    /// <summary>Replaces a webhook created by <see cref="CreateWebhookAsync"/> with the same settings but <paramref name="enabled"/>.</summary>
    public async Task<JsonNode> SetWebhookEnabledAsync(string organization, JsonNode webhook, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var body = new JsonObject
        {
            ["name"] = webhook["name"]!.GetValue<string>(),
            ["url"] = webhook["url"]!.GetValue<string>(),
            ["headers"] = webhook["headers"]!.DeepClone(),
            ["event_categories"] = webhook["event_categories"]!.DeepClone(),
            ["secure"] = webhook["secure"]!.GetValue<bool>(),
            ["enabled"] = enabled,
        };
        using var request = new HttpRequestMessage(HttpMethod.Put, "/v1/webhooks/" + webhook["id"]!.GetValue<string>()) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Keys.ForAsync(organization, CancellationToken.None));
        using var response = await http.SendAsync(request);
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>POSTs an audit record; the caller checks the answer.</summary>
    public Task<HttpResponseMessage> PostAuditLogAsync(JsonNode record) =>
        http.PostAsync("/v1/audit-logs", JsonContent.Create(record));

    /// <summary>POSTs an audit record that must be accepted; returns the 202 body.</summary>
    public async Task<JsonNode> AcceptAuditLogAsync(JsonNode record)
    {
        using var response = await PostAuditLogAsync(record);
        return await ReadAsync(response, HttpStatusCode.Accepted);
    }

    /// <summary>A webhook's events, first page.</summary>
    public Task<JsonNode> ListEventsAsync(string organization, string webhookId) =>
        GetAsync(organization, $"/v1/webhooks/{webhookId}/events?page_size=100");

    /// <summary>One event of a webhook with its attempts.</summary>
    public Task<JsonNode> GetEventAsync(string organization, string webhookId, string eventId) =>
        GetAsync(organization, $"/v1/webhooks/{webhookId}/events/{eventId}");

    /// <summary>True when <c>/healthz</c> answers 200.</summary>
    public async Task<bool> IsHealthyAsync()
    {
        try
        {
            using var response = await http.GetAsync("/healthz");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    /// <summary>Calls without an organization (ingest, admin) go with the admin key the hosts are started with.</summary>
    private static HttpClient Authenticated(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);
        return client;
    }

    private async Task<JsonNode> GetAsync(string organization, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Keys.ForAsync(organization, CancellationToken.None));
        using var response = await http.SendAsync(request);
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        }

        return JsonNode.Parse(text)!;
    }
}
