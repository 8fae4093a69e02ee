using Herald.Storage;
using Herald.Storage.Mongo.Documents;
using MongoDB.Bson;
using static Herald.StoreTests.Mongo.MongoMapping;

namespace Herald.StoreTests.Mongo;

public sealed class When_mapping_a_webhook
{
    private readonly Webhook _webhook = MongoSamples.Webhook();

    [Test]
    public void Should_store_snake_case_elements_with_ticks_and_ordered_headers()
    {
        var bson = ToBson(WebhookDocument.From(_webhook));

        AssertElementNames(bson,
            "_id", "organization_id", "name", "url", "headers", "event_categories", "secure", "enabled",
            "secret", "previous_secret", "previous_secret_expires_at", "disabled_reason", "disabled_at", "failing_since", "created_at", "updated_at");
        Assert.That(bson["created_at"], Is.EqualTo(new BsonInt64(_webhook.CreatedAt.UtcTicks)));
        Assert.That(bson["event_categories"], Is.EqualTo(new BsonArray { "audit_log_creation", "user_created" }));
        Assert.That(bson["headers"][2], Is.EqualTo(new BsonDocument { { "key", "X-Tenant" }, { "value", "second" } }));
    }

    [Test]
    public void Should_read_back_every_field()
    {
        var back = FromBson<WebhookDocument>(ToBson(WebhookDocument.From(_webhook))).ToWebhook();

        Assert.That(back.Headers, Is.EqualTo(_webhook.Headers));
        Assert.That(back.EventCategories, Is.EqualTo(_webhook.EventCategories));
        AssertExactUtc(back.CreatedAt, _webhook.CreatedAt);
        AssertExactUtc(back.UpdatedAt, _webhook.UpdatedAt);
        Assert.That(back with { Headers = _webhook.Headers, EventCategories = _webhook.EventCategories }, Is.EqualTo(_webhook));
    }
}

public sealed class When_mapping_an_event
{
    private readonly WebhookEvent _event = MongoSamples.Event();

    [Test]
    public void Should_store_the_payload_as_binary()
    {
        var bson = ToBson(EventDocument.From(_event));

        AssertElementNames(bson,
            "_id", "organization_id", "category", "occurred_at", "payload", "created_at");
        Assert.That(bson["payload"].BsonType, Is.EqualTo(BsonType.Binary));
        Assert.That(bson["payload"].AsByteArray, Is.EqualTo(_event.Payload.ToArray()));
        Assert.That(bson["occurred_at"], Is.EqualTo(new BsonInt64(_event.OccurredAt.UtcTicks)));
    }

    [Test]
    public void Should_read_back_every_field()
    {
        var back = FromBson<EventDocument>(ToBson(EventDocument.From(_event))).ToEvent();

        Assert.That(back.Payload.ToArray(), Is.EqualTo(_event.Payload.ToArray()));
        AssertExactUtc(back.OccurredAt, _event.OccurredAt);
        AssertExactUtc(back.CreatedAt, _event.CreatedAt);
        Assert.That(back with { Payload = _event.Payload }, Is.EqualTo(_event));
    }
}

public sealed class When_mapping_a_delivery
{
    private readonly Delivery _delivery = MongoSamples.Delivery();

    [Test]
    public void Should_store_snake_case_elements_with_the_state_as_a_string()
    {
        var bson = ToBson(DeliveryDocument.From(_delivery));

        AssertElementNames(bson,
            "_id", "event_id", "webhook_id", "organization_id", "event_category", "occurred_at", "state",
            "attempt_count", "next_attempt_at", "last_status_code", "last_error", "trace_parent",
            "created_at", "updated_at");
        Assert.That(bson["state"], Is.EqualTo(new BsonString("Retrying")));
        Assert.That(bson["next_attempt_at"], Is.EqualTo(new BsonInt64(_delivery.NextAttemptAt!.Value.UtcTicks)));
    }

    [Test]
    public void Should_read_back_every_field()
    {
        var back = FromBson<DeliveryDocument>(ToBson(DeliveryDocument.From(_delivery))).ToDelivery();

        AssertExactUtc(back.OccurredAt, _delivery.OccurredAt);
        AssertExactUtc(back.NextAttemptAt!.Value, _delivery.NextAttemptAt!.Value);
        AssertExactUtc(back.CreatedAt, _delivery.CreatedAt);
        AssertExactUtc(back.UpdatedAt, _delivery.UpdatedAt);
        Assert.That(back, Is.EqualTo(_delivery));
    }

    [Test]
    public void Should_keep_absent_optional_fields_absent()
    {
        var finished = _delivery with
        {
            State = DeliveryState.Succeeded,
            NextAttemptAt = null,
            LastStatusCode = null,
            LastError = null,
            TraceParent = null,
        };

        var bson = ToBson(DeliveryDocument.From(finished));
        var back = FromBson<DeliveryDocument>(bson).ToDelivery();

        Assert.That(bson["next_attempt_at"], Is.EqualTo(BsonNull.Value));
        Assert.That(back, Is.EqualTo(finished));
    }
}

public sealed class When_reading_the_backlog_the_group_stage_outputs
{
    [Test]
    public void Should_read_int32_sums_and_the_int64_earliest_time()
    {
        // $sum of 1 comes back as an Int32 while it fits, $min of the Int64 ticks as an Int64.
        var output = new BsonDocument { { "_id", BsonNull.Value }, { "open", 4 }, { "due", 3 }, { "earliest", MongoSamples.Created.UtcTicks } };

        var summed = FromBson<DeliveryBacklogDocument>(output);

        Assert.That((summed.Open, summed.Due, summed.Earliest), Is.EqualTo((4L, 3L, (long?)MongoSamples.Created.UtcTicks)));
    }

    [Test]
    public void Should_read_no_earliest_time_when_no_open_delivery_has_one()
    {
        // $min over only null next attempt times gives null.
        var output = new BsonDocument { { "_id", BsonNull.Value }, { "open", 1 }, { "due", 0 }, { "earliest", BsonNull.Value } };

        Assert.That(FromBson<DeliveryBacklogDocument>(output).Earliest, Is.Null);
    }
}
