using System.Text;
using Herald.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.UnitTests.Api;

public sealed class When_reading_a_webhooks_events_over_http : HeraldServer
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 12, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Stores an event and its delivery directly; nothing is due, so the running roles leave it alone.</summary>
    private async Task<string> SeedAsync(string org, string webhookId, int minutes, DeliveryState state, bool withAttempt = false)
    {
        var eventId = Ids.Event(Guid.NewGuid());
        var payload = Encoding.UTF8.GetBytes($"{{\"event_id\":\"{eventId}\",\"n\":{minutes}}}");
        await Services.GetRequiredService<IEventStore>().AddIfAbsentAsync(new WebhookEvent
        {
            Id = eventId, OrganizationId = org, Category = EventCategories.AuditLogCreation, OccurredAt = T0.AddMinutes(minutes),
            Payload = payload, CreatedAt = T0,
        }, Ct);
        var delivery = new Storage.Delivery
        {
            Id = Ids.Delivery(eventId, webhookId), EventId = eventId, WebhookId = webhookId, OrganizationId = org,
            EventCategory = EventCategories.AuditLogCreation, OccurredAt = T0.AddMinutes(minutes), State = state,
            AttemptCount = withAttempt ? 1 : 0, NextAttemptAt = state is DeliveryState.Retrying or DeliveryState.Pending ? DateTimeOffset.UtcNow.AddDays(1) : null,
            LastStatusCode = withAttempt ? 500 : null, CreatedAt = T0, UpdatedAt = T0,
        };
        await Services.GetRequiredService<IDeliveryStore>().AddIfAbsentAsync([delivery], Ct);
        if (withAttempt)
        {
            await Services.GetRequiredService<IAttemptStore>().AddAsync(new DeliveryAttempt
            {
                Id = Ids.New("att"), DeliveryId = delivery.Id, EventId = eventId, WebhookId = webhookId, Number = 1,
                Request = new AttemptRequest("https://example.com/hook", "POST", [new("webhook-id", delivery.Id)], eventId),
                Response = new AttemptResponse(500, [new("Server", "test")], "boom", false),
                Succeeded = false, ErrorKind = AttemptErrorKind.HttpStatus, Error = "endpoint answered 500", StartedAt = T0,
                CompletedAt = T0.AddMilliseconds(12), Duration = TimeSpan.FromMilliseconds(12), TraceId = "0af7651916cd43dd8448eb211c80319c",
            }, Ct);
        }

        return eventId;
    }

    private async Task<(string Org, string WebhookId, string[] Events)> ThreeEventsAsync()
    {
        var org = NewOrganization();
        var webhookId = (await CreateWebhookAsync(org))["id"]!.GetValue<string>();
        var oldest = await SeedAsync(org, webhookId, 1, DeliveryState.Succeeded);
        var middle = await SeedAsync(org, webhookId, 2, DeliveryState.Retrying, withAttempt: true);
        var newest = await SeedAsync(org, webhookId, 3, DeliveryState.Failed);
        return (org, webhookId, [newest, middle, oldest]);
    }

    private async Task<(int Status, string[] Events, long? Total)> ListAsync(string org, string webhookId, string query)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhookId}/events{query}", org);
        return (status, body?["items"]?.AsArray().Select(i => i!["event_id"]!.GetValue<string>()).ToArray() ?? [], body?["total"]?.GetValue<long>());
    }

    [Test]
    public async Task Should_page_events_newest_first_with_the_total()
    {
        var (org, webhookId, events) = await ThreeEventsAsync();

        var first = await ListAsync(org, webhookId, "?page_size=2");
        var second = await ListAsync(org, webhookId, "?page_size=2&page=2");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Status, Is.EqualTo(200));
            Assert.That(first.Events, Is.EqualTo(events[..2]));
            Assert.That(first.Total, Is.EqualTo(3));
            Assert.That(second.Events, Is.EqualTo(events[2..]));
            Assert.That(second.Total, Is.EqualTo(3));
        }
    }

    [Test]
    public async Task Should_filter_by_outcome_and_time()
    {
        var (org, webhookId, events) = await ThreeEventsAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await ListAsync(org, webhookId, "?outcome=succeeded")).Events, Is.EqualTo(new[] { events[2] }));
            Assert.That((await ListAsync(org, webhookId, "?outcome=failed,retrying")).Events, Is.EqualTo(events[..2]));
            Assert.That((await ListAsync(org, webhookId, "?from=2025-11-12T12:02:00Z")).Events, Is.EqualTo(events[..2]));
            Assert.That((await ListAsync(org, webhookId, "?to=2025-11-12T12:02:00Z")).Events, Is.EqualTo(new[] { events[2] }));
            Assert.That((await ListAsync(org, webhookId, "?from=2025-11-12T12:02:00Z&to=2025-11-12T12:03:00Z")).Total, Is.EqualTo(1));
        }
    }

    [TestCase("?outcome=bogus", "outcome")]
    [TestCase("?page=0", "page")]
    [TestCase("?page_size=101", "page_size")]
    [TestCase("?from=yesterday", "from")]
    public async Task Should_reject_a_bad_query_naming_the_parameter(string query, string field)
    {
        var org = NewOrganization();
        var webhookId = (await CreateWebhookAsync(org))["id"]!.GetValue<string>();

        var (status, problem) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhookId}/events{query}", org);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(400));
            Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { field }));
        }
    }

    [Test]
    public async Task Should_show_an_events_payload_and_attempts()
    {
        var (org, webhookId, events) = await ThreeEventsAsync();

        var (status, detail) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhookId}/events/{events[1]}", org);

        var attempt = detail!["attempts"]!.AsArray().Single()!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(200));
            Assert.That(detail["outcome"]!.GetValue<string>(), Is.EqualTo("retrying"));
            Assert.That(detail["delivery_id"]!.GetValue<string>(), Is.EqualTo(Ids.Delivery(events[1], webhookId)));
            Assert.That(detail["payload"]!.ToJsonString(), Is.EqualTo($"{{\"event_id\":\"{events[1]}\",\"n\":2}}"));
            Assert.That(attempt["number"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(attempt["error_kind"]!.GetValue<string>(), Is.EqualTo("http_status"));
            Assert.That(attempt["duration_ms"]!.GetValue<double>(), Is.EqualTo(12));
            Assert.That(attempt["trace_id"]!.GetValue<string>(), Is.EqualTo("0af7651916cd43dd8448eb211c80319c"));
            Assert.That(attempt["request"]!["headers"]![0]!["key"]!.GetValue<string>(), Is.EqualTo("webhook-id"));
            Assert.That(attempt["response"]!["status_code"]!.GetValue<int>(), Is.EqualTo(500));
            Assert.That(attempt["response"]!["body"]!.GetValue<string>(), Is.EqualTo("boom"));
            Assert.That((await SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhookId}/events/evt_{Guid.NewGuid()}", org)).Status, Is.EqualTo(404));
        }
    }
}
