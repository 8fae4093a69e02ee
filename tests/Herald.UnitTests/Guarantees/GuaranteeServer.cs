using System.Text.Json.Nodes;
using Herald.Testing;
using Herald.UnitTests.Api;

namespace Herald.UnitTests.Guarantees;

/// <summary>The whole app with a fixture's delivery settings, and the API calls the guarantee specs make.</summary>
public abstract class GuaranteeServer : HeraldServer
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Creates a webhook of <paramref name="organization"/> on <paramref name="url"/>; returns its id.</summary>
    protected async Task<string> SubscribeAsync(string organization, string url, params string[] categories)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/webhooks", organization, Body(url, categories.Length == 0 ? ["audit_log_creation"] : categories, enabled: true));
        Assert.That(status, Is.EqualTo(201), body?.ToJsonString());
        return body!["id"]!.GetValue<string>();
    }

    /// <summary>Replaces the webhook with the same fields and <paramref name="enabled"/>.</summary>
    protected async Task SetEnabledAsync(string organization, string webhookId, string url, bool enabled)
    {
        var (status, body) = await SendAsync(HttpMethod.Put, $"/v1/webhooks/{webhookId}", organization, Body(url, ["audit_log_creation"], enabled));
        Assert.That(status, Is.EqualTo(200), body?.ToJsonString());
    }

    /// <summary>Ingests one audit record of <paramref name="organization"/>; returns the event id it becomes.</summary>
    protected async Task<string> PublishAsync(string organization)
    {
        var id = Guid.NewGuid();
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/audit-logs", null, AuditRecord(organization, id));
        Assert.That(status, Is.EqualTo(202), body?.ToJsonString());
        return $"evt_{id}";
    }

    protected async Task<JsonNode> WebhookAsync(string organization, string webhookId)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhookId}", organization);
        Assert.That(status, Is.EqualTo(200), body?.ToJsonString());
        return body!;
    }

    /// <summary>The event's detail with its attempts; fails while the fan-out has not created it.</summary>
    protected async Task<JsonNode> EventAsync(string organization, string webhookId, string eventId)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhookId}/events/{eventId}", organization);
        Assert.That(status, Is.EqualTo(200), body?.ToJsonString());
        return body!;
    }

    /// <summary>Every event row of the webhook (up to 100).</summary>
    protected async Task<IReadOnlyList<JsonNode>> EventsAsync(string organization, string webhookId)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhookId}/events?page_size=100", organization);
        Assert.That(status, Is.EqualTo(200), body?.ToJsonString());
        return body!["items"]!.AsArray().Select(item => item!).ToList();
    }

    /// <summary>Waits, bounded, until the event's outcome is <paramref name="outcome"/>; returns its detail.</summary>
    protected async Task<JsonNode> WaitForOutcomeAsync(string organization, string webhookId, string eventId, string outcome)
    {
        JsonNode? detail = null;
        await Wait.Eventually(async () =>
        {
            detail = await EventAsync(organization, webhookId, eventId);
            Assert.That(Outcome(detail), Is.EqualTo(outcome));
        }, Patience);
        return detail!;
    }

    protected static string Outcome(JsonNode row) => row["outcome"]!.GetValue<string>();

    protected static int AttemptCount(JsonNode row) => row["attempt_count"]!.GetValue<int>();

    protected static DateTimeOffset Time(JsonNode? value) => value!.GetValue<DateTimeOffset>();

    private static JsonObject Body(string url, string[] categories, bool enabled) => new()
    {
        ["name"] = "guarantees",
        ["url"] = url,
        ["headers"] = new JsonArray(),
        ["event_categories"] = new JsonArray(categories.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
        ["secure"] = false,
        ["enabled"] = enabled,
    };
}
