using System.Net.Http.Headers;
using Herald.Storage;
using Herald.Testing;
using Herald.UnitTests.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Herald.UnitTests.Tenancy;

public sealed class When_the_logs_of_a_full_run_are_captured_at_trace_level : HeraldServer
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly LogCapture capture = new();

    protected override IEnumerable<string> Settings =>
    [
        "--Logging:LogLevel:Default", "Trace", "--Logging:LogLevel:Microsoft", "Trace", "--Logging:LogLevel:Microsoft.AspNetCore", "Trace",
        "--Logging:LogLevel:MassTransit", "Trace", "--Logging:LogLevel:System", "Trace", "--Logging:LogLevel:Herald", "Trace",
        "--Delivery:RetrySchedule", "0s,100ms,100ms", "--Delivery:RetryJitter", "0", "--Delivery:SchedulerInterval", "00:00:00.100",
    ];

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(capture);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
    }

    [Test]
    public async Task Should_contain_no_key_secret_signature_or_credential_header()
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal) { ["admin key"] = TestKeys.Admin };
        var failing = Guid.NewGuid();
        await using var receiver = await LoopbackReceiver.StartAsync();
        receiver.Respond = (request, context) =>
        {
            context.Response.StatusCode = request.BodyText.Contains(failing.ToString(), StringComparison.Ordinal) ? 500 : 200;
            return context.Response.WriteAsync("done");
        };

        // Keys: the organization's, a second one revoked later, and a wrong one.
        var org = NewOrganization();
        var token = await KeyForAsync(org);
        var (spareId, spare) = await IssueKeyAsync(org);
        Assert.That(await StatusWithAsync(spare, HttpMethod.Get, "/v1/webhooks"), Is.EqualTo(200));
        var wrong = token[..20] + new string('Q', 43);
        (secrets["organization key"], secrets["organization key secret"]) = (token, token[20..]);
        (secrets["spare key"], secrets["spare key secret"]) = (spare, spare[20..]);
        secrets["wrong key"] = wrong;

        var credential = "Bearer cred_" + Guid.NewGuid().ToString("N");
        secrets["custom header value"] = credential;
        var (createdStatus, created) = await SendAsync(HttpMethod.Post, "/v1/webhooks", org, new
        {
            name = "Logged", url = receiver.UrlFor("/hook"), headers = new[] { new { key = "Authorization", value = credential } },
            event_categories = new[] { "audit_log_creation" }, secure = false,
        });
        Assert.That(createdStatus, Is.EqualTo(201), created?.ToJsonString());
        var (webhookId, oldSecret) = (created!["id"]!.GetValue<string>(), created["secret"]!.GetValue<string>());
        (secrets["old webhook secret"], secrets["old webhook secret body"]) = (oldSecret, oldSecret[6..]);

        var delivered = await PublishAsync(org, Guid.NewGuid());
        await WaitForOutcomeAsync(org, webhookId, delivered, "succeeded");
        var failed = await PublishAsync(org, failing);
        await WaitForOutcomeAsync(org, webhookId, failed, "failed");

        var (rotatedStatus, rotated) = await SendAsync(HttpMethod.Post, $"/v1/webhooks/{webhookId}/secret/rotate", org);
        Assert.That(rotatedStatus, Is.EqualTo(200), rotated?.ToJsonString());
        var newSecret = rotated!["secret"]!.GetValue<string>();
        (secrets["new webhook secret"], secrets["new webhook secret body"]) = (newSecret, newSecret[6..]);
        var afterRotation = await PublishAsync(org, Guid.NewGuid());
        await WaitForOutcomeAsync(org, webhookId, afterRotation, "succeeded");

        Assert.That((await SendAsync(HttpMethod.Delete, $"/v1/organizations/{org}/api-keys/{spareId}", null)).Status, Is.EqualTo(204));
        await StatusWithAsync(spare, HttpMethod.Get, "/v1/webhooks");
        Assert.That(await StatusWithAsync(wrong, HttpMethod.Get, "/v1/webhooks"), Is.EqualTo(401));
        Assert.That((await SendAsync(HttpMethod.Post, $"/v1/webhooks/{webhookId}/events/{delivered}/redeliver", org)).Status, Is.EqualTo(202));
        await Wait.Eventually(
            () => Settle.Require(receiver.Requests.Count(r => r.BodyText.Contains(delivered, StringComparison.Ordinal)) == 2, "the redelivery arrived"), Patience);
        await WaitForOutcomeAsync(org, webhookId, delivered, "succeeded");

        var signatures = receiver.Requests.SelectMany(r => r.Header("webhook-signature")).SelectMany(h => h.Split(' ')).Distinct().ToList();
        foreach (var (signature, i) in signatures.Select((s, i) => (s, i)))
        {
            (secrets[$"signature {i}"], secrets[$"signature {i} body"]) = (signature, signature[3..]);
        }

        var entries = capture.Entries;
        var leaks = entries.SelectMany(entry => secrets.Where(s => entry.Contains(s.Value, StringComparison.Ordinal))
            .Select(s => $"{s.Key} in: {entry[..Math.Min(300, entry.Length)]}")).Distinct().ToList();
        var deliveryId = Ids.Delivery(delivered, webhookId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(receiver.Requests.Select(r => r.Header("Authorization").SingleOrDefault()), Is.All.EqualTo(credential), "the credential header was sent");
            Assert.That(signatures, Has.Count.GreaterThanOrEqualTo(4), "signatures before and after the rotation were captured");
            Assert.That(entries, Has.Count.GreaterThan(200), "Trace-level logging was captured");
            Assert.That(entries, Has.Some.StartsWith("Trace "));
            Assert.That(entries, Has.Some.Contains($"Delivery {deliveryId} attempt 1: status 200"));
            Assert.That(entries, Has.Some.Contains($"Delivery {Ids.Delivery(failed, webhookId)} attempt 3: status 500"));
            Assert.That(entries, Has.Some.Contains("/v1/webhooks/" + webhookId + "/secret/rotate"), "request logs were captured");
            Assert.That(leaks, Is.Empty);
        }
    }

    private async Task<(string KeyId, string Token)> IssueKeyAsync(string org)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, $"/v1/organizations/{org}/api-keys", null, new { name = "spare" });
        Assert.That(status, Is.EqualTo(201), body?.ToJsonString());
        return (body!["id"]!.GetValue<string>(), body["key"]!.GetValue<string>());
    }

    private async Task<int> StatusWithAsync(string token, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request, Ct);
        return (int)response.StatusCode;
    }

    private async Task<string> PublishAsync(string organization, Guid id)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/audit-logs", organization, AuditRecord(organization, id));
        Assert.That(status, Is.EqualTo(202), body?.ToJsonString());
        return Ids.Event(id);
    }

    private Task WaitForOutcomeAsync(string organization, string webhookId, string eventId, string outcome) =>
        Wait.Eventually(async () =>
        {
            var (status, body) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhookId}/events/{eventId}", organization);
            Settle.Require(status == 200 && body!["outcome"]!.GetValue<string>() == outcome, $"{eventId} {outcome}");
        }, Patience);
}
