using Herald.Storage;
using Herald.Storage.Mongo.Documents;
using MongoDB.Bson;
using static Herald.StoreTests.Mongo.MongoMapping;

namespace Herald.StoreTests.Mongo;

public sealed class When_mapping_an_attempt
{
    private readonly DeliveryAttempt _attempt = MongoSamples.Attempt();

    [Test]
    public void Should_embed_the_request_and_response_with_snake_case_elements()
    {
        var bson = ToBson(AttemptDocument.From(_attempt));

        AssertElementNames(bson,
            "_id", "delivery_id", "event_id", "webhook_id", "number", "request", "response", "succeeded",
            "error_kind", "error", "started_at", "completed_at", "duration", "trace_id");
        AssertElementNames(bson["request"].AsBsonDocument,
            "url", "method", "headers", "body_event_id");
        AssertElementNames(bson["response"].AsBsonDocument,
            "status_code", "headers", "body", "body_truncated");
        Assert.That(bson["error_kind"], Is.EqualTo(new BsonString("HttpStatus")));
        Assert.That(bson["duration"], Is.EqualTo(new BsonInt64(1_503_001)));
    }

    [Test]
    public void Should_read_back_every_field()
    {
        var back = FromBson<AttemptDocument>(ToBson(AttemptDocument.From(_attempt))).ToAttempt();

        Assert.That(back.Request.Headers, Is.EqualTo(_attempt.Request.Headers));
        Assert.That(back.Response!.Headers, Is.EqualTo(_attempt.Response!.Headers));
        Assert.That(back.Request with { Headers = _attempt.Request.Headers }, Is.EqualTo(_attempt.Request));
        Assert.That(back.Response with { Headers = _attempt.Response.Headers }, Is.EqualTo(_attempt.Response));
        AssertExactUtc(back.StartedAt, _attempt.StartedAt);
        AssertExactUtc(back.CompletedAt, _attempt.CompletedAt);
        Assert.That(back with { Request = _attempt.Request, Response = _attempt.Response }, Is.EqualTo(_attempt));
    }

    [Test]
    public void Should_read_back_an_attempt_that_got_no_answer()
    {
        var timedOut = _attempt with { Response = null, ErrorKind = AttemptErrorKind.Timeout, Error = "timed out after 15 s", TraceId = null };

        var bson = ToBson(AttemptDocument.From(timedOut));
        var back = FromBson<AttemptDocument>(bson).ToAttempt();

        Assert.That(bson["response"], Is.EqualTo(BsonNull.Value));
        Assert.That(bson["error_kind"], Is.EqualTo(new BsonString("Timeout")));
        Assert.That(back with { Request = timedOut.Request }, Is.EqualTo(timedOut));
    }

    [Test]
    public void Should_read_back_a_successful_attempt_without_an_error_kind()
    {
        var delivered = _attempt with { Succeeded = true, ErrorKind = null, Error = null };

        var back = FromBson<AttemptDocument>(ToBson(AttemptDocument.From(delivered))).ToAttempt();

        Assert.That(back.ErrorKind, Is.Null);
        Assert.That(back.Succeeded, Is.True);
    }
}

public sealed class When_mapping_an_inbox_request
{
    private readonly InboxRequest _request = MongoSamples.InboxRequest();

    [Test]
    public void Should_store_snake_case_elements()
    {
        var bson = ToBson(InboxRequestDocument.From(_request));

        AssertElementNames(bson,
            "_id", "inbox_id", "method", "path", "query", "headers", "body", "size", "remote_address",
            "received_at");
        Assert.That(bson["size"], Is.EqualTo(new BsonInt64(2)));
        Assert.That(bson["received_at"], Is.EqualTo(new BsonInt64(_request.ReceivedAt.UtcTicks)));
    }

    [Test]
    public void Should_read_back_every_field()
    {
        var back = FromBson<InboxRequestDocument>(ToBson(InboxRequestDocument.From(_request))).ToRequest();

        Assert.That(back.Headers, Is.EqualTo(_request.Headers));
        AssertExactUtc(back.ReceivedAt, _request.ReceivedAt);
        Assert.That(back with { Headers = _request.Headers }, Is.EqualTo(_request));
    }
}

public sealed class When_mapping_an_inbox
{
    private readonly Inbox _inbox = MongoSamples.Inbox();

    [Test]
    public void Should_store_snake_case_elements_and_read_back_every_field()
    {
        var bson = ToBson(InboxDocument.From(_inbox));
        var back = FromBson<InboxDocument>(bson).ToInbox();

        AssertElementNames(bson, "_id", "organization_id", "name", "created_at");
        Assert.That(bson["created_at"], Is.EqualTo(new BsonInt64(_inbox.CreatedAt.UtcTicks)));
        AssertExactUtc(back.CreatedAt, _inbox.CreatedAt);
        Assert.That(back, Is.EqualTo(_inbox));
    }

    [Test]
    public void Should_read_the_activity_the_group_stage_outputs()
    {
        // $sum of 1 comes back as an Int32 while it fits, $max of the Int64 ticks as an Int64.
        var output = new BsonDocument { { "_id", "org_1/inb_1" }, { "request_count", 3 }, { "last_received_at", MongoSamples.Updated.UtcTicks } };

        var summary = InboxDocument.From(_inbox).ToSummary(FromBson<InboxActivityDocument>(output));

        Assert.That(summary, Is.EqualTo(new InboxSummary { Inbox = _inbox, RequestCount = 3, LastRequestAt = MongoSamples.Updated.ToUniversalTime() }));
        Assert.That(summary.LastRequestAt?.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Should_sum_up_an_inbox_without_activity_as_empty() =>
        Assert.That(
            InboxDocument.From(_inbox).ToSummary(activity: null),
            Is.EqualTo(new InboxSummary { Inbox = _inbox, RequestCount = 0, LastRequestAt = null }));
}
