using Herald.Storage;
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

    [Test]
    public async Task Should_list_the_organizations_inboxes_newest_first_with_their_activity()
    {
        var (quiet, busy, oldest) = (TestData.Inbox("inb_quiet", At(3)), TestData.Inbox("inb_busy", At(2)) with { Name = null }, TestData.Inbox("inb_oldest", At(1)));
        foreach (var inbox in new[] { busy, quiet, oldest, TestData.Inbox("inb_other", At(4), OtherOrganization) })
        {
            await Inbox.CreateInboxAsync(inbox, Ct);
        }

        await Inbox.AddAsync(InboxRequest(busy.Id, "req_1", At(7)), Ct);
        await Inbox.AddAsync(InboxRequest(busy.Id, "req_2", At(9)), Ct);
        await Inbox.AddAsync(InboxRequest(busy.Id, "req_3", At(8)), Ct);
        await Inbox.AddAsync(InboxRequest(oldest.Id, "req_4", At(5)), Ct);
        await Inbox.AddAsync(InboxRequest($"{TestData.Organization}/inb_never_created", "req_5", At(10)), Ct);

        var listed = await Inbox.ListInboxesAsync(TestData.Organization, 10, Ct);

        Assert.That(listed, Is.EqualTo(new[]
        {
            new InboxSummary { Inbox = quiet, RequestCount = 0, LastRequestAt = null },
            new InboxSummary { Inbox = busy, RequestCount = 3, LastRequestAt = At(9) },
            new InboxSummary { Inbox = oldest, RequestCount = 1, LastRequestAt = At(5) },
        }));
    }

    [Test]
    public async Task Should_list_at_most_the_limit_and_nothing_for_an_organization_without_inboxes()
    {
        foreach (var minute in new[] { 1, 3, 2 })
        {
            await Inbox.CreateInboxAsync(TestData.Inbox($"inb_{minute}", At(minute)), Ct);
        }

        var listed = await Inbox.ListInboxesAsync(TestData.Organization, 2, Ct);

        Assert.That(listed.Select(s => s.Inbox.Id), Is.EqualTo(new[] { $"{TestData.Organization}/inb_3", $"{TestData.Organization}/inb_2" }));
        Assert.That(await Inbox.ListInboxesAsync(OtherOrganization, 10, Ct), Is.Empty);
    }

    [Test]
    public async Task Should_know_an_inbox_only_once_it_was_created_and_only_by_its_full_id()
    {
        var before = await Inbox.InboxExistsAsync($"{TestData.Organization}/inb_known", Ct);
        await Inbox.CreateInboxAsync(TestData.Inbox("inb_known", At(1)), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.False);
            Assert.That(await Inbox.InboxExistsAsync($"{TestData.Organization}/inb_known", Ct), Is.True);
            Assert.That(await Inbox.InboxExistsAsync($"{OtherOrganization}/inb_known", Ct), Is.False);
            Assert.That(await Inbox.InboxExistsAsync("inb_known", Ct), Is.False);
        }
    }
}
