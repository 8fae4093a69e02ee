using Herald.Storage;
using static Herald.StoreTests.Contract.StoredRecords;
using static Herald.StoreTests.Contract.TestData;

namespace Herald.StoreTests.Contract;

public abstract class When_storing_deliveries(IStoreTestEngine engine) : StoreContract(engine)
{
    [Test]
    public async Task Should_return_the_stored_deliveries_in_the_given_order()
    {
        var a = Delivery("evt_a", "wh_1", At(1));
        var b = Delivery("evt_b", "wh_1", At(2));
        var c = Delivery("evt_c", "wh_1", At(3));
        Assert.That(await Deliveries.AddIfAbsentAsync([a, b], Ct), Is.EqualTo(new[] { a, b }));

        var stored = await Deliveries.AddIfAbsentAsync([c, a with { State = DeliveryState.Failed, AttemptCount = 9 }, b with { LastError = "changed" }], Ct);

        Assert.That(stored, Is.EqualTo(new[] { c, a, b }));
        Assert.That(await Deliveries.GetAsync(a.Id, Ct), Is.EqualTo(a));
        Assert.That(await Deliveries.GetAsync(b.Id, Ct), Is.EqualTo(b));
    }

    [Test]
    public async Task Should_get_a_delivery_with_every_field()
    {
        var delivery = Delivery("evt_a", "wh_1", At(1), DeliveryState.Retrying, At(9)) with
        {
            AttemptCount = 2,
            LastStatusCode = 503,
            LastError = "HTTP 503 Service Unavailable",
            UpdatedAt = At(8),
        };
        await Deliveries.AddIfAbsentAsync([delivery], Ct);

        Assert.That(await Deliveries.GetAsync(delivery.Id, Ct), Is.EqualTo(delivery));
        Assert.That(await Deliveries.GetAsync("msg_missing", Ct), Is.Null);
    }

    [Test]
    public async Task Should_list_an_events_deliveries_in_id_order()
    {
        var deliveries = new[] { "wh_3", "wh_1", "wh_2" }.Select(w => Delivery("evt_a", w, At(1))).ToList();
        await Deliveries.AddIfAbsentAsync([.. deliveries, Delivery("evt_other", "wh_1", At(1))], Ct);

        var listed = await Deliveries.ListByEventAsync("evt_a", Ct);

        Assert.That(IdsOf(listed), Is.EqualTo(deliveries.Select(d => d.Id).Order(StringComparer.Ordinal)));
    }

    [Test]
    public async Task Should_page_a_webhooks_deliveries_newest_first()
    {
        var newestFirst = await AddWebhookDeliveriesAsync();

        var pages = new List<Page<Delivery>>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await Deliveries.ListByWebhookAsync("wh_1", new DeliveryQuery(page, 2), Ct));
        }

        Assert.That(pages.Select(p => p.Total), Is.All.EqualTo(5));
        Assert.That(pages.Select(p => p.Items.Count), Is.EqualTo(new[] { 2, 2, 1 }));
        Assert.That(pages.SelectMany(p => IdsOf(p.Items)), Is.EqualTo(IdsOf(newestFirst)));
        Assert.That(pages[0].Items[0], Is.EqualTo(newestFirst[0]));
    }

    [Test]
    public async Task Should_filter_a_webhooks_deliveries_by_state()
    {
        var newestFirst = await AddWebhookDeliveriesAsync();
        var wanted = newestFirst.Where(d => d.State is DeliveryState.Failed or DeliveryState.Succeeded).ToList();

        var page = await Deliveries.ListByWebhookAsync("wh_1", new DeliveryQuery(1, 10, [DeliveryState.Failed, DeliveryState.Succeeded]), Ct);

        Assert.That(IdsOf(page.Items), Is.EqualTo(IdsOf(wanted)));
        Assert.That(page.Total, Is.EqualTo(wanted.Count));
    }

    [Test]
    public async Task Should_filter_a_webhooks_deliveries_by_time_from_inclusive_to_exclusive()
    {
        var newestFirst = await AddWebhookDeliveriesAsync();
        var wanted = newestFirst.Where(d => d.OccurredAt >= At(2) && d.OccurredAt < At(4)).ToList();

        var page = await Deliveries.ListByWebhookAsync("wh_1", new DeliveryQuery(1, 10, From: At(2), To: At(4)), Ct);

        Assert.That(wanted, Has.Count.EqualTo(3));
        Assert.That(IdsOf(page.Items), Is.EqualTo(IdsOf(wanted)));
        Assert.That(page.Total, Is.EqualTo(3));
    }

    [Test]
    public async Task Should_update_when_the_attempt_count_is_as_expected()
    {
        var delivery = Delivery("evt_a", "wh_1", At(1), nextAttemptAt: At(1));
        await Deliveries.AddIfAbsentAsync([delivery], Ct);
        var retrying = delivery with { State = DeliveryState.Retrying, AttemptCount = 1, NextAttemptAt = At(5), LastStatusCode = 500, LastError = "HTTP 500", UpdatedAt = At(2) };

        Assert.That(await Deliveries.TryUpdateAsync(retrying, 0, Ct), Is.True);
        Assert.That(await Deliveries.GetAsync(delivery.Id, Ct), Is.EqualTo(retrying));
    }

    [Test]
    public async Task Should_not_update_when_the_attempt_count_changed()
    {
        var delivery = Delivery("evt_a", "wh_1", At(1), nextAttemptAt: At(1)) with { AttemptCount = 1 };
        await Deliveries.AddIfAbsentAsync([delivery], Ct);

        var updated = await Deliveries.TryUpdateAsync(delivery with { State = DeliveryState.Succeeded, AttemptCount = 1 }, 0, Ct);

        Assert.That(updated, Is.False);
        Assert.That(await Deliveries.GetAsync(delivery.Id, Ct), Is.EqualTo(delivery));
        Assert.That(await Deliveries.TryUpdateAsync(Delivery("evt_missing", "wh_1", At(1)), 0, Ct), Is.False);
        Assert.That(await Deliveries.GetAsync(Ids.Delivery("evt_missing", "wh_1"), Ct), Is.Null);
    }

    [Test]
    public async Task Should_record_an_attempt_and_settle_its_delivery_together()
    {
        var claimed = Delivery("evt_a", "wh_1", At(1), nextAttemptAt: At(3)) with { AttemptCount = 1 };
        await Deliveries.AddIfAbsentAsync([claimed], Ct);
        var attempt = Attempt("evt_a", "wh_1", 1);
        var succeeded = claimed with { State = DeliveryState.Succeeded, NextAttemptAt = null, LastStatusCode = 200, UpdatedAt = At(2) };

        Assert.That(await Deliveries.RecordAttemptAsync(attempt, succeeded, 1, Ct), Is.True);

        Assert.That(await Deliveries.GetAsync(claimed.Id, Ct), Is.EqualTo(succeeded));
        AssertSame((await Attempts.ListByDeliveryAsync(claimed.Id, Ct)).Single(), attempt);
    }

    [Test]
    public async Task Should_keep_the_attempt_when_the_delivery_moved_on()
    {
        var moved = Delivery("evt_a", "wh_1", At(1), DeliveryState.Retrying, At(9)) with { AttemptCount = 2 };
        await Deliveries.AddIfAbsentAsync([moved], Ct);
        var attempt = Attempt("evt_a", "wh_1", 1);

        Assert.That(await Deliveries.RecordAttemptAsync(attempt, moved with { State = DeliveryState.Succeeded, AttemptCount = 1 }, 1, Ct), Is.False);

        Assert.That(await Deliveries.GetAsync(moved.Id, Ct), Is.EqualTo(moved));
        AssertSame((await Attempts.ListByDeliveryAsync(moved.Id, Ct)).Single(), attempt);
    }

    /// <summary>Five deliveries of wh_1 (two share a time, so ties go by id) and one of wh_2; returns wh_1's newest first.</summary>
    private async Task<List<Delivery>> AddWebhookDeliveriesAsync()
    {
        var deliveries = new List<Delivery>
        {
            Delivery("evt_1", "wh_1", At(1), DeliveryState.Succeeded),
            Delivery("evt_2", "wh_1", At(2), DeliveryState.Failed),
            Delivery("evt_3a", "wh_1", At(3), DeliveryState.Pending, At(3)),
            Delivery("evt_3b", "wh_1", At(3), DeliveryState.Succeeded),
            Delivery("evt_5", "wh_1", At(5), DeliveryState.Retrying, At(6)),
        };
        await Deliveries.AddIfAbsentAsync([Delivery("evt_1", "wh_2", At(4)), .. deliveries.AsEnumerable().Reverse()], Ct);
        return [.. deliveries.OrderByDescending(d => d.OccurredAt).ThenByDescending(d => d.Id, StringComparer.Ordinal)];
    }
}
