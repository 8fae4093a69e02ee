using static Herald.StoreTests.Contract.StoredRecords;
using static Herald.StoreTests.Contract.TestData;

namespace Herald.StoreTests.Contract;

public abstract class When_storing_inbox_requests(IStoreTestEngine engine) : StoreContract(engine)
{
    [Test]
    public async Task Should_list_an_inboxs_requests_newest_first_up_to_the_limit()
    {
        foreach (var minute in new[] { 2, 4, 1, 3 })
        {
            await Inbox.AddAsync(InboxRequest("inbox_a", $"req_{minute}", At(minute)), Ct);
        }

        await Inbox.AddAsync(InboxRequest("inbox_b", "req_b", At(9)), Ct);

        var listed = await Inbox.ListAsync("inbox_a", 3, Ct);

        Assert.That(listed.Select(r => r.Id), Is.EqualTo(new[] { "req_4", "req_3", "req_2" }));
        AssertSame(listed[0], InboxRequest("inbox_a", "req_4", At(4)));
        Assert.That(await Inbox.ListAsync("inbox_empty", 3, Ct), Is.Empty);
    }

    [Test]
    public async Task Should_get_a_request_of_its_inbox_with_every_field()
    {
        var request = InboxRequest("inbox_a", "req_1", At(1)) with { RemoteAddress = null, Query = "" };
        await Inbox.AddAsync(request, Ct);

        AssertSame(await Inbox.GetAsync("inbox_a", "req_1", Ct), request);
    }

    [Test]
    public async Task Should_not_get_a_request_of_another_inbox()
    {
        await Inbox.AddAsync(InboxRequest("inbox_a", "req_1", At(1)), Ct);

        Assert.That(await Inbox.GetAsync("inbox_b", "req_1", Ct), Is.Null);
        Assert.That(await Inbox.GetAsync("inbox_a", "req_missing", Ct), Is.Null);
    }
}
