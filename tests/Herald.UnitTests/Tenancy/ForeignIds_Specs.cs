using System.Text.Json.Nodes;
using Herald.Storage;
using Herald.Testing;
using Herald.UnitTests.Api;
using Herald.UnitTests.Delivery;

namespace Herald.UnitTests.Tenancy;

public sealed class When_an_organization_uses_another_organizations_ids : HeraldServer
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    protected override IEnumerable<string> Settings => ["--Delivery:RetrySchedule", "0s", "--Delivery:SchedulerInterval", "00:00:00.100"];

    /// <summary>A call on one webhook's ids: A's webhook and event, or B's own webhook with A's event.</summary>
    private sealed record Target(string Webhook, string Event, string OwnWebhook);

    private sealed record RouteCase(string Route, Func<Target, string> Path, Func<string, object?> Body);

    /// <summary>
    /// Every <c>/v1/webhooks…</c> route on A's ids. The list and create routes take no id; they
    /// are covered by <see cref="Should_list_none_of_the_other_organizations_webhooks"/>.
    /// </summary>
    private static readonly RouteCase[] ForeignRoutes =
    [
        new("GET /v1/webhooks/{}", ids => $"/v1/webhooks/{ids.Webhook}", _ => null),
        new("PUT /v1/webhooks/{}", ids => $"/v1/webhooks/{ids.Webhook}", url => WebhookBody(url, "Hijacked")),
        new("DELETE /v1/webhooks/{}", ids => $"/v1/webhooks/{ids.Webhook}", _ => null),
        new("POST /v1/webhooks/{}/copy", ids => $"/v1/webhooks/{ids.Webhook}/copy", _ => null),
        new("POST /v1/webhooks/{}/secret/rotate", ids => $"/v1/webhooks/{ids.Webhook}/secret/rotate", _ => null),
        new("GET /v1/webhooks/{}/events", ids => $"/v1/webhooks/{ids.Webhook}/events", _ => null),
        new("GET /v1/webhooks/{}/events/{}", ids => $"/v1/webhooks/{ids.Webhook}/events/{ids.Event}", _ => null),
        new("GET /v1/webhooks/{}/events/{}", ids => $"/v1/webhooks/{ids.OwnWebhook}/events/{ids.Event}", _ => null),
        new("POST /v1/webhooks/{}/events/{}/redeliver", ids => $"/v1/webhooks/{ids.Webhook}/events/{ids.Event}/redeliver", _ => null),
        new("POST /v1/webhooks/{}/events/{}/redeliver", ids => $"/v1/webhooks/{ids.OwnWebhook}/events/{ids.Event}/redeliver", _ => null),
        new("POST /v1/webhooks/{}/recover", ids => $"/v1/webhooks/{ids.Webhook}/recover", _ => new { since = "2000-01-01T00:00:00Z" }),
    ];

    private static readonly string[] RoutesWithoutIds = ["GET /v1/webhooks", "POST /v1/webhooks"];

    [Test]
    public void Should_have_a_case_for_every_webhook_route_the_app_maps()
    {
        var mapped = AppRoutes.Under(Services, "/v1/webhooks");
        var covered = ForeignRoutes.Select(c => c.Route).Concat(RoutesWithoutIds).Distinct().Order(StringComparer.Ordinal).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mapped, Has.Count.GreaterThanOrEqualTo(11), "the endpoint data source was read");
            Assert.That(mapped.Except(covered), Is.Empty, "routes without a foreign-id case");
            Assert.That(covered.Except(mapped), Is.Empty, "cases for routes the app no longer maps");
        }
    }

    [Test]
    public async Task Should_answer_404_on_every_route_and_change_nothing()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var (a, b) = (NewOrganization(), NewOrganization());
        var created = await CreateWebhookAsync(a, receiver.UrlFor("/hook"), "A's orders");
        var (webhookId, secret) = (created["id"]!.GetValue<string>(), created["secret"]!.GetValue<string>());
        var eventId = await PublishAsync(a);
        await receiver.WaitForAsync(1, Patience);
        await WaitForSucceededAsync(a, webhookId, eventId);
        var ownWebhook = (await CreateWebhookAsync(b, receiver.UrlFor("/b"), "B's orders"))["id"]!.GetValue<string>();
        var ids = new Target(webhookId, eventId, ownWebhook);

        var answers = new List<(string Path, string Method, int Status, string? Body)>();
        foreach (var route in ForeignRoutes)
        {
            var method = new HttpMethod(route.Route[..route.Route.IndexOf(' ', StringComparison.Ordinal)]);
            var (status, body) = await SendAsync(method, route.Path(ids), b, route.Body(receiver.UrlFor("/hijack")));
            answers.Add((route.Path(ids), method.Method, status, body?.ToJsonString()));
        }

        // A's webhook is still signing with its one original secret: a new event proves it.
        var second = await PublishAsync(a);
        await receiver.WaitForAsync(2, Patience);
        await WaitForSucceededAsync(a, webhookId, second);
        var (readStatus, read) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhookId}", a);
        var first = await EventAsync(a, webhookId, eventId);
        var latest = receiver.Requests.Single(r => r.BodyText.Contains(second, StringComparison.Ordinal));
        var signature = latest.Header("webhook-signature").Single();

        using (Assert.EnterMultipleScope())
        {
            foreach (var (path, method, status, body) in answers)
            {
                Assert.That(status, Is.EqualTo(404), $"{method} {path}: {body}");
            }

            Assert.That(readStatus, Is.EqualTo(200), "A's webhook was not deleted");
            Assert.That(read?["name"]?.GetValue<string>(), Is.EqualTo("A's orders"));
            Assert.That(read?["url"]?.GetValue<string>(), Is.EqualTo(receiver.UrlFor("/hook")));
            Assert.That(signature.Split(' '), Has.Length.EqualTo(1), "one signature: the secret was not rotated");
            Assert.That(StandardWebhooksVerifier.Verify(secret, latest.Header("webhook-id").Single(), latest.Header("webhook-timestamp").Single(), signature, latest.Body), Is.True);
            Assert.That(first["outcome"]!.GetValue<string>(), Is.EqualTo("succeeded"), "not requeued by B's redeliver");
            Assert.That(first["attempt_count"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(receiver.Requests.Select(r => r.Path), Is.All.EqualTo("/hook"), "nothing went to B's URL");
            Assert.That(receiver.Requests.Count(r => r.BodyText.Contains(eventId, StringComparison.Ordinal)), Is.EqualTo(1), "no redelivery arrived");
            Assert.That(await WebhookIdsAsync(a), Is.EqualTo(new[] { webhookId }), "no copy in A's list");
            Assert.That(await WebhookIdsAsync(b), Is.EqualTo(new[] { ownWebhook }), "no copy in B's list");
        }
    }

    [Test]
    public async Task Should_list_none_of_the_other_organizations_webhooks()
    {
        var (a, b) = (NewOrganization(), NewOrganization());
        var theirs = (await CreateWebhookAsync(a))["id"]!.GetValue<string>();
        var ours = (await CreateWebhookAsync(b))["id"]!.GetValue<string>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await WebhookIdsAsync(b), Is.EqualTo(new[] { ours }));
            Assert.That(await WebhookIdsAsync(a), Is.EqualTo(new[] { theirs }));
        }
    }

    private async Task<string[]> WebhookIdsAsync(string organization)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/webhooks", organization);
        Assert.That(status, Is.EqualTo(200), body?.ToJsonString());
        return body!.AsArray().Select(w => w!["id"]!.GetValue<string>()).ToArray();
    }

    private async Task<string> PublishAsync(string organization)
    {
        var id = Guid.NewGuid();
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/audit-logs", organization, AuditRecord(organization, id));
        Assert.That(status, Is.EqualTo(202), body?.ToJsonString());
        return Ids.Event(id);
    }

    private async Task<JsonNode> EventAsync(string organization, string webhookId, string eventId)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhookId}/events/{eventId}", organization);
        Assert.That(status, Is.EqualTo(200), body?.ToJsonString());
        return body!;
    }

    private Task WaitForSucceededAsync(string organization, string webhookId, string eventId) =>
        Wait.Eventually(async () =>
        {
            var (status, body) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhookId}/events/{eventId}", organization);
            Settle.Require(status == 200 && body!["outcome"]!.GetValue<string>() == "succeeded", $"{eventId} succeeded");
        }, Patience);
}
