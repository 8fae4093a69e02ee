using System.Text;

namespace Herald.UnitTests.Api;

public sealed class When_using_the_test_inbox_over_http : HeraldServer
{
    [Test]
    public async Task Should_record_requests_of_any_method_and_list_them_newest_first()
    {
        var inbox = "inb-" + Guid.NewGuid().ToString("N")[..8];
        using (var first = new StringContent("{\"n\":1}", Encoding.UTF8, "application/json"))
        {
            (await Http.PostAsync($"/inbox/{inbox}?source=test", first, Ct)).Dispose();
        }

        using (var request = new HttpRequestMessage(HttpMethod.Put, $"/inbox/{inbox}/deeper/path") { Content = new StringContent("two") })
        {
            request.Headers.Add("Test", "Webhook");
            (await Http.SendAsync(request, Ct)).Dispose();
        }

        (await Http.DeleteAsync($"/inbox/{inbox}", Ct)).Dispose();

        var (status, list) = await SendAsync(HttpMethod.Get, $"/v1/inboxes/{inbox}/requests", null);

        var requests = list!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(200));
            Assert.That(requests.Select(r => r!["method"]!.GetValue<string>()), Is.EqualTo(new[] { "DELETE", "PUT", "POST" }));
            Assert.That(requests[2]!["body"]!.GetValue<string>(), Is.EqualTo("{\"n\":1}"));
            Assert.That(requests[2]!["query"]!.GetValue<string>(), Is.EqualTo("source=test"));
            Assert.That(requests[1]!["path"]!.GetValue<string>(), Is.EqualTo($"/inbox/{inbox}/deeper/path"));
            Assert.That(requests[1]!["headers"]!.AsArray().Any(h => h!["key"]!.GetValue<string>() == "Test" && h["value"]!.GetValue<string>() == "Webhook"), Is.True);
        }
    }

    [Test]
    public async Task Should_reject_an_invalid_inbox_id()
    {
        using var receive = await Http.PostAsync("/inbox/bad.id", null, Ct);
        var (listStatus, problem) = await SendAsync(HttpMethod.Get, "/v1/inboxes/bad.id/requests", null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)receive.StatusCode, Is.EqualTo(400));
            Assert.That(listStatus, Is.EqualTo(400));
            Assert.That(problem!["errors"]!["inbox_id"], Is.Not.Null);
        }
    }
}
