using Herald.Storage;
using Herald.StoreTests.Contract;
using Microsoft.Extensions.DependencyInjection;
using static Herald.StoreTests.Contract.StoredRecords;
using static Herald.StoreTests.Contract.TestData;

namespace Herald.StoreTests.Sqlite;

/// <summary>Two service providers on one file stand in for Herald's roles running as separate processes.</summary>
public sealed class When_two_processes_share_one_file
{
    private string path = "";
    private ServiceProvider first = null!;
    private ServiceProvider second = null!;
    private CancellationTokenSource timeout = null!;

    private CancellationToken Ct => timeout.Token;

    [SetUp]
    public async Task OpenBothAsync()
    {
        timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        path = SqliteTestEngine.NewPath();
        first = SqliteTestEngine.CreateServices(path);
        second = SqliteTestEngine.CreateServices(path);
        await Task.WhenAll(
            Task.Run(() => first.GetRequiredService<IStoreInitializer>().InitializeAsync(Ct), Ct),
            Task.Run(() => second.GetRequiredService<IStoreInitializer>().InitializeAsync(Ct), Ct));
    }

    [TearDown]
    public async Task CloseBothAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        SqliteTestEngine.DeleteFiles(path);
        timeout.Dispose();
    }

    [Test]
    public async Task Should_see_each_others_writes()
    {
        var webhook = Webhook("wh_1", T0);
        var delivery = Delivery("evt_1", "wh_1", At(1), DeliveryState.Pending, At(1));
        await first.GetRequiredService<IWebhookStore>().AddAsync(webhook, Ct);
        await second.GetRequiredService<IDeliveryStore>().AddIfAbsentAsync([delivery], Ct);

        AssertSame(await second.GetRequiredService<IWebhookStore>().FindAsync("wh_1", Ct), webhook);
        Assert.That(await first.GetRequiredService<IDeliveryStore>().GetAsync(delivery.Id, Ct), Is.EqualTo(delivery));
    }

    [Test]
    public async Task Should_accept_concurrent_writers_from_both_without_busy_errors()
    {
        static Delivery[] Batch(string webhookId) =>
            [.. Enumerable.Range(0, 100).Select(i => Delivery($"evt_{i:D3}", webhookId, At(i)))];

        var writes = Batch("wh_1").Select(d => Task.Run(() => first.GetRequiredService<IDeliveryStore>().AddIfAbsentAsync([d], Ct), Ct))
            .Concat(Batch("wh_2").Select(d => Task.Run(() => second.GetRequiredService<IDeliveryStore>().AddIfAbsentAsync([d], Ct), Ct)));

        var stored = await Task.WhenAll(writes);

        Assert.That(stored.SelectMany(s => s), Has.Exactly(200).Items);
        var deliveries = first.GetRequiredService<IDeliveryStore>();
        Assert.That((await deliveries.ListByWebhookAsync("wh_1", new DeliveryQuery(1, 1), Ct)).Total, Is.EqualTo(100));
        Assert.That((await deliveries.ListByWebhookAsync("wh_2", new DeliveryQuery(1, 1), Ct)).Total, Is.EqualTo(100));
    }

    [Test]
    public async Task Should_never_give_both_the_same_due_delivery()
    {
        await first.GetRequiredService<IDeliveryStore>().AddIfAbsentAsync(
            [.. Enumerable.Range(0, 60).Select(i => Delivery($"evt_{i:D2}", "wh_1", At(1), DeliveryState.Retrying, At(i % 9)))],
            Ct);

        var claims = await Task.WhenAll(
            Enumerable.Range(0, 30).Select(i => Task.Run(
                () => (i % 2 == 0 ? first : second).GetRequiredService<IDeliveryStore>().ClaimDueAsync(At(60), At(65), 2, Ct),
                Ct)));

        var all = claims.SelectMany(IdsOf).ToList();
        Assert.That(all, Is.Unique);
        Assert.That(all, Has.Count.EqualTo(60));
    }

    [Test]
    public async Task Should_keep_times_to_the_tick_as_utc()
    {
        var occurredAt = new DateTimeOffset(2025, 3, 14, 11, 26, 53, TimeSpan.FromHours(2)).AddTicks(5_358_979);
        var delivery = Delivery("evt_1", "wh_1", occurredAt, DeliveryState.Retrying, occurredAt.AddTicks(1));
        await first.GetRequiredService<IDeliveryStore>().AddIfAbsentAsync([delivery], Ct);

        var stored = await second.GetRequiredService<IDeliveryStore>().GetAsync(delivery.Id, Ct);

        Assert.That(stored?.OccurredAt.UtcTicks, Is.EqualTo(occurredAt.UtcTicks));
        Assert.That(stored?.OccurredAt.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(stored?.NextAttemptAt?.UtcTicks, Is.EqualTo(occurredAt.UtcTicks + 1));
    }
}
