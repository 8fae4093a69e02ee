using static Herald.StoreTests.Contract.StoredRecords;
using static Herald.StoreTests.Contract.TestData;

namespace Herald.StoreTests.Contract;

public abstract class When_initializing_the_store_again(IStoreTestEngine engine) : StoreContract(engine)
{
    [Test]
    public async Task Should_keep_the_data_and_work_as_before()
    {
        var webhook = Webhook("wh_1", T0);
        await Webhooks.AddAsync(webhook, Ct);

        await Initializer.InitializeAsync(Ct);
        await Initializer.InitializeAsync(Ct);

        AssertSame(await Webhooks.FindAsync("wh_1", Ct), webhook);
        await Webhooks.AddAsync(Webhook("wh_2", At(1)), Ct);
        Assert.That((await Webhooks.ListAsync(Organization, Ct)).Select(w => w.Id), Is.EqualTo(new[] { "wh_1", "wh_2" }));
    }
}
