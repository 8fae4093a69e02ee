using Herald.Storage;
using Herald.StoreTests.Contract;
using Microsoft.Data.Sqlite;
using static Herald.StoreTests.Contract.TestData;

namespace Herald.StoreTests.Sqlite;

/// <summary>A burst of concurrent writes from one process, which its writer commits in groups.</summary>
public sealed class When_one_process_writes_a_burst() : StoreContract(new SqliteTestEngine())
{
    [Test]
    public async Task Should_store_every_write_once_its_task_completes()
    {
        var deliveries = Enumerable.Range(0, 300).Select(i => Delivery($"evt_{i:D3}", "wh_1", At(i))).ToList();

        await Task.WhenAll(deliveries.Select(d => Task.Run(() => Deliveries.AddIfAbsentAsync([d], Ct), Ct)));

        // Reads use their own connections, so what they see is committed.
        var page = await Deliveries.ListByWebhookAsync("wh_1", new DeliveryQuery(1, 1), Ct);
        Assert.That(page.Total, Is.EqualTo(300));
    }

    [Test]
    public async Task Should_fail_only_the_write_that_failed()
    {
        await Webhooks.AddAsync(Webhook("wh_taken", T0), Ct);

        var others = Enumerable.Range(0, 50).Select(i => Task.Run(() => Webhooks.AddAsync(Webhook($"wh_{i:D2}", T0), Ct), Ct)).ToList();
        var duplicate = Task.Run(() => Webhooks.AddAsync(Webhook("wh_taken", T0), Ct), Ct);

        Assert.That(async () => await duplicate, Throws.InstanceOf<SqliteException>());
        await Task.WhenAll(others);
        Assert.That(await Webhooks.ListAsync(TestData.Organization, Ct), Has.Count.EqualTo(51));
    }

    [Test]
    public async Task Should_undo_every_statement_of_a_failed_write_and_keep_the_others()
    {
        var first = Delivery("evt_first", "wh_1", At(1));
        var broken = Delivery("evt_broken", "wh_1", At(1)) with { EventCategory = null! };

        var others = Enumerable.Range(0, 50).Select(i => Task.Run(() => Deliveries.AddIfAbsentAsync([Delivery($"evt_{i:D2}", "wh_2", At(i))], Ct), Ct)).ToList();
        var failing = Task.Run(() => Deliveries.AddIfAbsentAsync([first, broken], Ct), Ct);

        Assert.That(async () => await failing, Throws.InstanceOf<SqliteException>());
        await Task.WhenAll(others);
        Assert.That(await Deliveries.GetAsync(first.Id, Ct), Is.Null, "the failed write's first insert is rolled back with it");
        Assert.That((await Deliveries.ListByWebhookAsync("wh_2", new DeliveryQuery(1, 1), Ct)).Total, Is.EqualTo(50));
    }

    [Test]
    public async Task Should_not_run_a_write_cancelled_before_it_starts()
    {
        var delivery = Delivery("evt_1", "wh_1", At(1));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.That(async () => await Deliveries.AddIfAbsentAsync([delivery], cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(await Deliveries.GetAsync(delivery.Id, Ct), Is.Null);
    }
}
