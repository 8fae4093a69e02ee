using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Herald.Host;

/// <summary>The demo's steps, through Herald's public HTTP API only.</summary>
internal sealed class DemoScenario(HttpClient http, TextWriter output, JsonSerializerOptions json)
{
    private static readonly (string User, string Category, string Name, string Description)[] Samples =
    [
        ("koray", "user", "login", "User is logged in"),
        ("ayse", "project", "create", "Project created: payments-api"),
        ("koray", "user", "logout", "User is logged out"),
    ];

    private static readonly string[] Categories = ["audit_log_creation"];

    public async Task<bool> RunAsync(string organization, string adminKey, CancellationToken cancellationToken)
    {
        // The admin creates the organization and its API key; everything after acts as the organization.
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminKey);
        await Send(HttpMethod.Post, "/v1/organizations", new { id = organization, name = "Demo organization" }, cancellationToken, allowConflict: true);
        var key = await Send(HttpMethod.Post, $"/v1/organizations/{organization}/api-keys", new { name = "demo" }, cancellationToken);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key["key"]!.GetValue<string>());

        // Created rather than made up, so the console lists it among the organization's inboxes.
        var created = await Send(HttpMethod.Post, "/v1/inboxes", new { name = "Demo inbox" }, cancellationToken);
        var inbox = created["id"]!.GetValue<string>();
        var inboxUrl = created["url"]!.GetValue<string>();
        var webhook = await Send(HttpMethod.Post, "/v1/webhooks", new
        {
            name = "Demo inbox",
            url = inboxUrl,
            headers = new[] { new { key = "Test", value = "Webhook" } },
            event_categories = Categories,
            secure = false,
        }, cancellationToken);
        var webhookId = webhook["id"]!.GetValue<string>();
        await output.WriteLineAsync($"Herald demo on {http.BaseAddress}");
        await output.WriteLineAsync($"Registered webhook {webhookId} -> {inboxUrl} (header Test: Webhook)");

        var eventIds = new List<string>();
        foreach (var (user, category, name, description) in Samples)
        {
            var accepted = await Send(HttpMethod.Post, "/v1/audit-logs", new
            {
                organization_id = organization,
                actor = new { ip = "203.0.113.7", user_agent = "Mozilla/5.0 (KHTML, like Gecko) Chrome/124.0", username = user },
                date = DateTimeOffset.UtcNow,
                description,
                event_category = category,
                event_name = name,
            }, cancellationToken);
            eventIds.Add(accepted["event_id"]!.GetValue<string>());
        }

        await output.WriteLineAsync($"Published {eventIds.Count} audit records; waiting for deliveries...");
        var all = await WaitForOutcomesAsync(webhookId, eventIds, TimeSpan.FromSeconds(30), cancellationToken);
        var delivered = 0;
        foreach (var eventId in eventIds)
        {
            var detail = await Send(HttpMethod.Get, $"/v1/webhooks/{webhookId}/events/{eventId}", null, cancellationToken);
            var outcome = detail["outcome"]?.GetValue<string>() ?? "unknown";
            var last = detail["attempts"]!.AsArray().LastOrDefault();
            var status = last?["response"]?["status_code"]?.ToString() ?? last?["error"]?.ToString() ?? "no attempt";
            var duration = last?["duration_ms"]?.GetValue<double>() ?? 0;
            delivered += outcome == "succeeded" ? 1 : 0;
            await output.WriteLineAsync($"  {eventId}  {outcome,-9}  status {status}  in {duration:0.0} ms");
        }

        var received = (await Send(HttpMethod.Get, $"/v1/inboxes/{inbox}/requests?limit=100", null, cancellationToken)).AsArray();
        var withHeader = received.Count(r => r!["headers"]!.AsArray().Any(h => h!["key"]!.GetValue<string>() == "Test" && h["value"]!.GetValue<string>() == "Webhook"));
        await output.WriteLineAsync($"Inbox {inbox} received {received.Count} requests, {withHeader} with Test: Webhook");
        var ok = all && delivered == eventIds.Count && withHeader >= eventIds.Count;
        await output.WriteLineAsync(ok ? "All deliveries succeeded." : "Some deliveries did not succeed.");
        return ok;
    }

    private async Task<bool> WaitForOutcomesAsync(string webhookId, List<string> eventIds, TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var page = await Send(HttpMethod.Get, $"/v1/webhooks/{webhookId}/events?page_size=100", null, cancellationToken);
            var done = page["items"]!.AsArray()
                .Where(i => eventIds.Contains(i!["event_id"]!.GetValue<string>()))
                .Count(i => i!["outcome"]!.GetValue<string>() is "succeeded" or "failed");
            if (done == eventIds.Count)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        return false;
    }

    private async Task<JsonNode> Send(HttpMethod method, string path, object? body, CancellationToken cancellationToken, bool allowConflict = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: json) };
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (allowConflict && response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            return new JsonObject();
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"{method} {path} answered no JSON.");
    }
}
