using Herald.Storage.Mongo.Definitions;
using static Herald.StoreTests.Mongo.MongoRender;

namespace Herald.StoreTests.Mongo;

public sealed class When_reading_an_event
{
    [Test]
    public void Should_match_its_id() =>
        AssertRenders(Filter(EventFilters.ById("evt_1")), """{ _id: "evt_1" }""");
}

public sealed class When_listing_a_deliverys_attempts
{
    [Test]
    public void Should_match_the_delivery() =>
        AssertRenders(Filter(AttemptFilters.ByDelivery("msg_1")), """{ delivery_id: "msg_1" }""");

    [Test]
    public void Should_sort_by_number_then_start_time_with_ties_by_id() =>
        AssertRenders(Sort(AttemptSorts.ByNumber()), """{ number: 1, started_at: 1, _id: 1 }""");
}

public sealed class When_reading_an_inbox
{
    [Test]
    public void Should_list_the_inbox_newest_first_with_ties_by_id()
    {
        AssertRenders(Filter(InboxFilters.ByInbox("inb_1")), """{ inbox_id: "inb_1" }""");
        AssertRenders(Sort(InboxSorts.NewestFirst()), """{ received_at: -1, _id: -1 }""");
    }

    [Test]
    public void Should_get_a_request_only_within_its_inbox() =>
        AssertRenders(
            Filter(InboxFilters.ByInboxAndId("inb_1", "req_1")),
            """{ _id: "req_1", inbox_id: "inb_1" }""");
}

public sealed class When_listing_an_organizations_inboxes
{
    [Test]
    public void Should_match_the_organization_newest_first_with_ties_by_id()
    {
        AssertRenders(Filter(InboxDefinitions.OfOrganization("org_1")), """{ organization_id: "org_1" }""");
        AssertRenders(Filter(InboxDefinitions.ById("org_1/inb_1")), """{ _id: "org_1/inb_1" }""");
        AssertRenders(Sort(InboxDefinitions.NewestFirst()), """{ created_at: -1, _id: -1 }""");
    }

    [Test]
    public void Should_count_and_date_the_requests_of_the_listed_inboxes_only() =>
        AssertRenders(
            Pipeline(InboxDefinitions.Activity(["org_1/inb_1", "org_1/inb_2"])),
            """
            { stages: [
                { $match: { inbox_id: { $in: ["org_1/inb_1", "org_1/inb_2"] } } },
                { $group: { _id: "$inbox_id", request_count: { $sum: 1 }, last_received_at: { $max: "$received_at" } } }
            ] }
            """);
}
