using System.Text;

namespace Herald.UnitTests.Api;

public sealed class When_using_the_test_inbox_over_http : HeraldServer
{
    [Test]
    public async Task Should_record_requests_of_any_method_and_list_them_newest_first()
    {
        var org = NewOrganization();
        var (_, created) = await SendAsync(HttpMethod.Post, "/v1/inboxes", org);
        var inbox = created!["id"]!.GetValue<string>();
        using (var first = new StringContent("{\"n\":1}", Encoding.UTF8, "application/json"))
        {
            (await Http.PostAsync($"/inbox/{org}/{inbox}?source=test", first, Ct)).Dispose();
        }

        using (var request = new HttpRequestMessage(HttpMethod.Put, $"/inbox/{org}/{inbox}/deeper/path") { Content = new StringContent("two") })
        {
            request.Headers.Add("Test", "Webhook");
            (await Http.SendAsync(request, Ct)).Dispose();
        }

        (await Http.DeleteAsync($"/inbox/{org}/{inbox}", Ct)).Dispose();

        var (status, list) = await SendAsync(HttpMethod.Get, $"/v1/inboxes/{inbox}/requests", org);

        var requests = list!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(200));
            Assert.That(requests.Select(r => r!["method"]!.GetValue<string>()), Is.EqualTo(new[] { "DELETE", "PUT", "POST" }));
            Assert.That(requests[2]!["body"]!.GetValue<string>(), Is.EqualTo("{\"n\":1}"));
            Assert.That(requests[2]!["query"]!.GetValue<string>(), Is.EqualTo("source=test"));
            Assert.That(requests[2]!["inbox_id"]!.GetValue<string>(), Is.EqualTo(inbox));
            Assert.That(requests[1]!["path"]!.GetValue<string>(), Is.EqualTo($"/inbox/{org}/{inbox}/deeper/path"));
            Assert.That(requests[1]!["headers"]!.AsArray().Any(h => h!["key"]!.GetValue<string>() == "Test" && h["value"]!.GetValue<string>() == "Webhook"), Is.True);
        }
    }

    [Test]
    public async Task Should_show_an_inbox_only_to_its_organization()
    {
        var (owner, other) = (NewOrganization(), NewOrganization());
        var (created, inbox) = await SendAsync(HttpMethod.Post, "/v1/inboxes", owner);
        Assert.That(created, Is.EqualTo(201));
        var id = inbox!["id"]!.GetValue<string>();
        var url = new Uri(inbox["url"]!.GetValue<string>());
        Assert.That(url.AbsolutePath, Is.EqualTo($"/inbox/{owner}/{id}"));
        (await Http.PostAsync(url.AbsolutePath, new StringContent("secret payload"), Ct)).Dispose();

        var (_, mine) = await SendAsync(HttpMethod.Get, $"/v1/inboxes/{id}/requests", owner);
        var (theirsStatus, _) = await SendAsync(HttpMethod.Get, $"/v1/inboxes/{id}/requests", other);
        var requestId = mine!.AsArray()[0]!["id"]!.GetValue<string>();
        var (foreignStatus, _) = await SendAsync(HttpMethod.Get, $"/v1/inboxes/{id}/requests/{requestId}", other);
        var (ownStatus, _) = await SendAsync(HttpMethod.Get, $"/v1/inboxes/{id}/requests/{requestId}", owner);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mine.AsArray(), Has.Count.EqualTo(1));
            Assert.That(theirsStatus, Is.EqualTo(404), "another organization has no inbox of that id");
            Assert.That(foreignStatus, Is.EqualTo(404));
            Assert.That(ownStatus, Is.EqualTo(200));
        }
    }

    [Test]
    public async Task Should_reject_an_invalid_inbox_id()
    {
        using var receive = await Http.PostAsync("/inbox/org_1/bad.id", null, Ct);
        var (listStatus, problem) = await SendAsync(HttpMethod.Get, "/v1/inboxes/bad.id/requests", NewOrganization());

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)receive.StatusCode, Is.EqualTo(400));
            Assert.That(listStatus, Is.EqualTo(400));
            Assert.That(problem!["errors"]!["inbox_id"], Is.Not.Null);
        }
    }
}
