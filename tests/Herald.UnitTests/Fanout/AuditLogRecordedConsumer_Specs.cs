using Herald.Contracts;
using Herald.Fanout;
using Herald.Storage;
using MassTransit;

namespace Herald.UnitTests.Fanout;

public sealed class When_an_audit_record_is_fanned_out : FanoutRig
{
    private static readonly Guid AuditLogId = Guid.Parse("96e428f2-b3f8-4247-8e3b-e2a3f563bd05");
    private const string EventId = "evt_96e428f2-b3f8-4247-8e3b-e2a3f563bd05";

    [SetUp]
    public async Task RegisterWebhooks()
    {
        await Webhooks.AddAsync(Webhook("wh_a"), Ct);
        await Webhooks.AddAsync(Webhook("wh_b"), Ct);
        await Webhooks.AddAsync(Webhook("wh_disabled", enabled: false), Ct);
        await Webhooks.AddAsync(Webhook("wh_other_org", organization: "org_2"), Ct);
        await Webhooks.AddAsync(Webhook("wh_other_category", category: "other"), Ct);
    }

    [Test]
    public async Task Should_store_one_event_with_the_payload_serialized_once()
    {
        var record = Record(AuditLogId);
        await PublishAndConsumeAsync(record, Guid.NewGuid());

        var stored = await Events.GetAsync(EventId, Ct);
        var occurredAt = WebhookPayload.TruncateToMilliseconds(Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored, Is.Not.Null);
            Assert.That(stored!.OrganizationId, Is.EqualTo(Organization));
            Assert.That(stored.Category, Is.EqualTo(EventCategories.AuditLogCreation));
            Assert.That(stored.OccurredAt, Is.EqualTo(occurredAt));
            Assert.That(stored.Payload.ToArray(), Is.EqualTo(WebhookPayload.Serialize(EventId, EventCategories.AuditLogCreation, occurredAt, record)));
        }
    }

    [Test]
    public async Task Should_create_deliveries_only_for_the_organizations_enabled_subscribed_webhooks()
    {
        await PublishAndConsumeAsync(Record(AuditLogId), Guid.NewGuid());

        var deliveries = await Deliveries.ListByEventAsync(EventId, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deliveries.Select(d => d.WebhookId), Is.EquivalentTo(new[] { "wh_a", "wh_b" }));
            Assert.That(deliveries.Select(d => d.Id), Is.EquivalentTo(new[] { Ids.Delivery(EventId, "wh_a"), Ids.Delivery(EventId, "wh_b") }));
            Assert.That(deliveries.Select(d => d.State), Is.All.EqualTo(DeliveryState.Pending));
            Assert.That(deliveries.Select(d => d.AttemptCount), Is.All.Zero);
            Assert.That(deliveries.Select(d => d.NextAttemptAt), Is.All.EqualTo(Now + new FanoutOptions().RedispatchAfter));
        }
    }

    [Test]
    public async Task Should_send_one_first_attempt_per_delivery_to_the_delivery_queue()
    {
        await PublishAndConsumeAsync(Record(AuditLogId), Guid.NewGuid());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Harness.Sent.Any<DeliverWebhook>(Ct), Is.True);
            Assert.That(SentCommands(), Is.EquivalentTo(new[]
            {
                new DeliverWebhook(Ids.Delivery(EventId, "wh_a"), 1), new DeliverWebhook(Ids.Delivery(EventId, "wh_b"), 1),
            }));
            Assert.That(Harness.Sent.Select<DeliverWebhook>(Ct).Select(m => m.Context.DestinationAddress!.AbsolutePath),
                Is.All.EndsWith("herald-delivery"));
        }
    }

    [Test]
    public async Task Should_yield_one_event_and_one_delivery_per_webhook_when_the_same_record_comes_twice()
    {
        await PublishAndConsumeAsync(Record(AuditLogId), Guid.NewGuid());
        await PublishAndConsumeAsync(Record(AuditLogId), Guid.NewGuid());

        var deliveries = await Deliveries.ListByEventAsync(EventId, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deliveries.Select(d => d.WebhookId), Is.EquivalentTo(new[] { "wh_a", "wh_b" }));
            Assert.That(SentCommands().Distinct().Count(), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Should_send_nothing_new_for_a_delivery_whose_first_attempt_succeeded()
    {
        await PublishAndConsumeAsync(Record(AuditLogId), Guid.NewGuid());
        foreach (var delivery in await Deliveries.ListByEventAsync(EventId, Ct))
        {
            var done = delivery with { State = DeliveryState.Succeeded, AttemptCount = 1, NextAttemptAt = null, LastStatusCode = 200 };
            Assert.That(await Deliveries.TryUpdateAsync(done, 0, Ct), Is.True);
        }

        var sentBefore = SentCommands().Count;
        await PublishAndConsumeAsync(Record(AuditLogId), Guid.NewGuid());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sentBefore, Is.EqualTo(2));
            Assert.That(SentCommands(), Has.Count.EqualTo(sentBefore));
            Assert.That((await Deliveries.ListByEventAsync(EventId, Ct)).Select(d => d.State), Is.All.EqualTo(DeliveryState.Succeeded));
        }
    }

    [Test]
    public async Task Should_derive_the_event_from_the_message_id_when_the_record_has_no_audit_log_id()
    {
        var messageId = Guid.NewGuid();

        await PublishAndConsumeAsync(Record(auditLogId: null), messageId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Events.GetAsync(Ids.Event(messageId), Ct), Is.Not.Null);
            Assert.That(await Deliveries.ListByEventAsync(Ids.Event(messageId), Ct), Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task Should_store_the_event_but_send_nothing_when_no_webhook_is_subscribed()
    {
        await PublishAndConsumeAsync(Record(AuditLogId, organization: "org_without_webhooks"), Guid.NewGuid());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Events.GetAsync(EventId, Ct), Is.Not.Null);
            Assert.That(await Deliveries.ListByEventAsync(EventId, Ct), Is.Empty);
            Assert.That(SentCommands(), Is.Empty);
        }
    }
}

public sealed class When_webhooks_change_between_records : FanoutRig
{
    private static readonly Guid First = Guid.Parse("0e0a5f43-58b2-4a5a-9a0e-6d1b1f1d2c01");
    private static readonly Guid Second = Guid.Parse("0e0a5f43-58b2-4a5a-9a0e-6d1b1f1d2c02");

    [Test]
    public async Task Should_fan_each_record_out_to_the_subscriptions_current_when_it_came()
    {
        await Webhooks.AddAsync(Webhook("wh_a"), Ct);
        await PublishAndConsumeAsync(Record(First), Guid.NewGuid());

        await Webhooks.AddAsync(Webhook("wh_b"), Ct);
        await Webhooks.DisableAsync("wh_a", "410 Gone", Now, Ct);
        await PublishAndConsumeAsync(Record(Second), Guid.NewGuid());

        var first = await Deliveries.ListByEventAsync(Ids.Event(First), Ct);
        var second = await Deliveries.ListByEventAsync(Ids.Event(Second), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Select(d => d.WebhookId), Is.EqualTo(new[] { "wh_a" }));
            Assert.That(second.Select(d => (d.WebhookId, d.State)), Is.EquivalentTo(new[]
            {
                ("wh_a", DeliveryState.Parked), ("wh_b", DeliveryState.Pending),
            }));
        }
    }
}

public sealed class When_a_record_can_never_be_fanned_out : FanoutRig
{
    [Test]
    public async Task Should_fault_at_the_first_try_without_retrying_or_storing_anything()
    {
        var record = Record(Guid.Parse("5f0b8c2e-1d3a-4e5f-9a6b-7c8d9e0f1a2b")) with { Date = "yesterday" };

        await Harness.Bus.Publish(record, Ct);

        Assert.That(await Harness.Published.Any<Fault<AuditLogRecorded>>(Ct), Is.True, "no fault was published");
        var fault = Harness.Published.Select<Fault<AuditLogRecorded>>(Ct).Single().Context;
        using (Assert.EnterMultipleScope())
        {
            // MassTransit stamps the retries it made on the fault; a malformed record gets none.
            Assert.That(fault.Headers.Get<int>("MT-Fault-RetryCount") ?? 0, Is.Zero, "a malformed record was retried");
            Assert.That(fault.Message.Exceptions.Single().ExceptionType, Does.EndWith(nameof(FormatException)));
            Assert.That(await Events.GetAsync(Ids.Event(record.AuditLogId!.Value), Ct), Is.Null);
        }
    }
}
