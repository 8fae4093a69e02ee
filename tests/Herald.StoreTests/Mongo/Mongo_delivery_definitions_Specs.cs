using Herald.Storage;
using Herald.Storage.Mongo.Definitions;
using static Herald.StoreTests.Mongo.MongoRender;

namespace Herald.StoreTests.Mongo;

public sealed class When_claiming_due_deliveries
{
    [Test]
    public void Should_match_pending_and_retrying_deliveries_due_at_or_before_now() =>
        AssertRenders(
            Filter(DeliveryFilters.Due(638764272000000000)),
            """{ state: { $in: ["Pending", "Retrying"] }, next_attempt_at: { $lte: NumberLong("638764272000000000") } }""");

    [Test]
    public void Should_take_the_earliest_due_first_with_ties_by_id() =>
        AssertRenders(Sort(DeliverySorts.EarliestDueFirst()), """{ next_attempt_at: 1, _id: 1 }""");

    [Test]
    public void Should_move_the_next_attempt_to_the_lease_mark_the_pass_and_stamp_the_update() =>
        AssertRenders(
            Update(DeliveryUpdates.Claim(638764275000000000, 638764272000000000, "c1")),
            """{ $set: { next_attempt_at: NumberLong("638764275000000000"), claim: "c1", updated_at: NumberLong("638764272000000000") } }""");

    [Test]
    public void Should_read_back_only_the_candidates_this_pass_leased_by_id() =>
        AssertRenders(
            Filter(DeliveryFilters.ClaimedBy(["msg_1", "msg_2"], "c1")),
            """{ _id: { $in: ["msg_1", "msg_2"] }, claim: "c1" }""");
}

public sealed class When_listing_a_webhooks_deliveries
{
    [Test]
    public void Should_filter_by_webhook_only_when_the_query_has_no_filters() =>
        AssertRenders(
            Filter(DeliveryFilters.ByWebhook("wh_1", new DeliveryQuery(1, 20))),
            """{ webhook_id: "wh_1" }""");

    [Test]
    public void Should_ignore_an_empty_state_list() =>
        AssertRenders(
            Filter(DeliveryFilters.ByWebhook("wh_1", new DeliveryQuery(1, 20, States: []))),
            """{ webhook_id: "wh_1" }""");

    [Test]
    public void Should_filter_states_and_a_half_open_time_range_in_utc_ticks()
    {
        var query = new DeliveryQuery(
            2,
            10,
            States: [DeliveryState.Failed, DeliveryState.Parked],
            From: new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.FromHours(2)),
            To: new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero));

        AssertRenders(
            Filter(DeliveryFilters.ByWebhook("wh_1", query)),
            """
            {
              webhook_id: "wh_1",
              state: { $in: ["Failed", "Parked"] },
              occurred_at: { $gte: NumberLong("638764200000000000"), $lt: NumberLong("638764704000000000") }
            }
            """);
    }

    [Test]
    public void Should_sort_newest_event_first_with_ties_by_id_descending() =>
        AssertRenders(Sort(DeliverySorts.NewestFirst()), """{ occurred_at: -1, _id: -1 }""");
}

public sealed class When_updating_a_delivery_optimistically
{
    [Test]
    public void Should_match_the_id_only_at_the_expected_attempt_count() =>
        AssertRenders(
            Filter(DeliveryFilters.ByIdAndAttemptCount("msg_1", 3)),
            """{ _id: "msg_1", attempt_count: 3 }""");
}

public sealed class When_reading_deliveries_by_id_or_event
{
    [Test]
    public void Should_match_one_id() =>
        AssertRenders(Filter(DeliveryFilters.ById("msg_1")), """{ _id: "msg_1" }""");

    [Test]
    public void Should_match_a_batch_of_ids() =>
        AssertRenders(Filter(DeliveryFilters.ByIds(["msg_1", "msg_2"])), """{ _id: { $in: ["msg_1", "msg_2"] } }""");

    [Test]
    public void Should_list_an_events_deliveries_in_id_order()
    {
        AssertRenders(Filter(DeliveryFilters.ByEvent("evt_1")), """{ event_id: "evt_1" }""");
        AssertRenders(Sort(DeliverySorts.ById()), """{ _id: 1 }""");
    }
}

public sealed class When_parking_and_requeueing_a_webhooks_deliveries
{
    [Test]
    public void Should_select_the_webhooks_deliveries_in_the_states_since_a_time()
    {
        AssertRenders(
            Filter(DeliveryFilters.ByWebhookInStates("wh_1", [DeliveryState.Failed, DeliveryState.Parked], 5)),
            """{ webhook_id: "wh_1", state: { $in: ["Failed", "Parked"] }, occurred_at: { $gte: NumberLong(5) } }""");
        AssertRenders(
            Filter(DeliveryFilters.ByWebhookInStates("wh_1", DeliveryFilters.Schedulable, null)),
            """{ webhook_id: "wh_1", state: { $in: ["Pending", "Retrying"] } }""");
    }

    [Test]
    public void Should_park_without_a_next_attempt_and_requeue_as_due_now()
    {
        AssertRenders(Update(DeliveryUpdates.Park(9)), """{ $set: { state: "Parked", next_attempt_at: null, updated_at: NumberLong(9) } }""");
        AssertRenders(Update(DeliveryUpdates.Requeue(9)), """{ $set: { state: "Pending", next_attempt_at: NumberLong(9), updated_at: NumberLong(9) } }""");
    }
}

public sealed class When_summing_up_the_delivery_backlog
{
    // In an expression $lte orders null before every number, so a bare comparison would count an
    // open delivery without a next attempt time as due; $isNumber leaves null and missing out.
    [Test]
    public void Should_match_open_deliveries_on_the_due_index_and_count_only_those_with_a_due_time() =>
        AssertRenders(
            Pipeline(DeliveryBacklogPipeline.At(638764272000000000)),
            """
            { stages: [
                { $match: { state: { $in: ["Pending", "Retrying"] } } },
                { $group: {
                    _id: null,
                    open: { $sum: 1 },
                    due: { $sum: { $cond: [
                        { $and: [{ $isNumber: "$next_attempt_at" }, { $lte: ["$next_attempt_at", NumberLong("638764272000000000")] }] },
                        1,
                        0] } },
                    earliest: { $min: "$next_attempt_at" } } }
            ] }
            """);
}
