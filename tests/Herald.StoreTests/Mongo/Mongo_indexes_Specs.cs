using Herald.Storage.Mongo.Definitions;
using MongoDB.Driver;
using static Herald.StoreTests.Mongo.MongoRender;

namespace Herald.StoreTests.Mongo;

public sealed class When_initializing_the_indexes
{
    [Test]
    public void Should_index_webhooks_by_organization_and_by_subscription()
    {
        var indexes = StoreIndexes.Webhooks();

        Assert.That(indexes, Has.Count.EqualTo(2));
        AssertRenders(Keys(indexes[0].Keys), """{ organization_id: 1, created_at: 1 }""");
        AssertRenders(Keys(indexes[1].Keys), """{ organization_id: 1, event_categories: 1, enabled: 1 }""");
    }

    [Test]
    public void Should_index_deliveries_for_the_webhook_list_the_event_list_and_the_scheduler()
    {
        var indexes = StoreIndexes.Deliveries();

        Assert.That(indexes, Has.Count.EqualTo(3));
        AssertRenders(Keys(indexes[0].Keys), """{ webhook_id: 1, occurred_at: -1, _id: -1 }""");
        AssertRenders(Keys(indexes[1].Keys), """{ event_id: 1 }""");
        AssertRenders(Keys(indexes[2].Keys), """{ state: 1, next_attempt_at: 1, _id: 1 }""");
    }

    [Test]
    public void Should_restrict_the_scheduler_index_to_schedulable_states()
    {
        var scheduler = StoreIndexes.Deliveries()[2];
        var options = scheduler.Options as CreateIndexOptions<Herald.Storage.Mongo.Documents.DeliveryDocument>;

        Assert.That(options?.PartialFilterExpression, Is.Not.Null);
        AssertRenders(Filter(options!.PartialFilterExpression), """{ state: { $in: ["Pending", "Retrying"] } }""");
    }

    [Test]
    public void Should_leave_the_other_indexes_whole()
    {
        Assert.That(StoreIndexes.Deliveries()[0].Options, Is.Null);
        Assert.That(StoreIndexes.Webhooks().Select(index => index.Options), Is.All.Null);
    }

    [Test]
    public void Should_index_attempts_by_delivery_and_number() =>
        AssertRenders(Keys(StoreIndexes.Attempts().Single().Keys), """{ delivery_id: 1, number: 1 }""");

    [Test]
    public void Should_index_inboxes_newest_first_per_organization() =>
        AssertRenders(Keys(StoreIndexes.Inboxes().Single().Keys), """{ organization_id: 1, created_at: -1, _id: -1 }""");

    [Test]
    public void Should_index_inbox_requests_newest_first_per_inbox() =>
        AssertRenders(Keys(StoreIndexes.InboxRequests().Single().Keys), """{ inbox_id: 1, received_at: -1, _id: -1 }""");
}
