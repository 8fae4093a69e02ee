using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Herald.UnitTests.Api;

public sealed class When_listing_the_organizations_inboxes : HeraldServer
{
    [Test]
    public async Task Should_list_the_created_inboxes_newest_first_with_their_request_count_and_last_request()
    {
        var org = NewOrganization();
        var first = await CreateInboxAsync(org, body: null);
        var second = await CreateInboxAsync(org, new { name = "  Staging  " });
        await PostToAsync(first, "one");
        await PostToAsync(first, "two");
        var (_, requests) = await SendAsync(HttpMethod.Get, $"/v1/inboxes/{Id(first)}/requests", org);

        var (status, list) = await SendAsync(HttpMethod.Get, "/v1/inboxes", org);

        var inboxes = list!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(200));
            Assert.That(inboxes.Select(i => i!["id"]!.GetValue<string>()), Is.EqualTo(new[] { Id(second), Id(first) }));
            Assert.That(inboxes.Select(i => i!["name"]?.GetValue<string>()), Is.EqualTo(new[] { "Staging", null }));
            Assert.That(inboxes.Select(i => i!["url"]!.GetValue<string>()), Is.EqualTo(new[] { Url(second), Url(first) }));
            Assert.That(inboxes.Select(i => i!["request_count"]!.GetValue<long>()), Is.EqualTo(new[] { 0L, 2L }));
            Assert.That(inboxes[0]!["last_request_at"], Is.Null);
            Assert.That(
                inboxes[1]!["last_request_at"]?.GetValue<DateTimeOffset>(),
                Is.EqualTo(requests!.AsArray()[0]!["received_at"]!.GetValue<DateTimeOffset>()),
                "the newest request's time");
            Assert.That(
                inboxes[1]!["created_at"]!.GetValue<DateTimeOffset>(),
                Is.EqualTo(first["created_at"]!.GetValue<DateTimeOffset>()).And.LessThanOrEqualTo(inboxes[0]!["created_at"]!.GetValue<DateTimeOffset>()));
        }
    }

    [Test]
    public async Task Should_answer_a_new_inbox_with_its_name_and_nothing_received_yet()
    {
        var created = await CreateInboxAsync(NewOrganization(), new { name = "Payments staging" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Id(created), Does.Match("^inb_[0-9a-f]{32}$"));
            Assert.That(created["name"]?.GetValue<string>(), Is.EqualTo("Payments staging"));
            Assert.That(created["request_count"]?.GetValue<long>(), Is.Zero);
            Assert.That(created["last_request_at"], Is.Null);
        }
    }

    [Test]
    public async Task Should_show_an_organization_only_its_own_inboxes()
    {
        var (owner, other) = (NewOrganization(), NewOrganization());
        var inbox = await CreateInboxAsync(owner, body: null);
        await PostToAsync(inbox, "for the owner");

        var (_, mine) = await SendAsync(HttpMethod.Get, "/v1/inboxes", owner);
        var (otherStatus, theirs) = await SendAsync(HttpMethod.Get, "/v1/inboxes", other);
        using var bare = new HttpClient { BaseAddress = Http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var withoutKey = await bare.GetAsync("/v1/inboxes", Ct);
        using var withAdminKey = await Http.GetAsync("/v1/inboxes", Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mine!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Is.EqualTo(new[] { Id(inbox) }));
            Assert.That(otherStatus, Is.EqualTo(200));
            Assert.That(theirs!.AsArray(), Is.Empty, "another organization lists none of them");
            Assert.That((int)withoutKey.StatusCode, Is.EqualTo(401));
            Assert.That(withoutKey.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
            Assert.That((int)withAdminKey.StatusCode, Is.EqualTo(401), "the admin key acts for no organization");
        }
    }

    [Test]
    public async Task Should_answer_404_for_an_id_never_created_and_record_nothing()
    {
        var org = NewOrganization();
        var created = await CreateInboxAsync(org, body: null);
        using var sent = await Http.PostAsync($"/inbox/{org}/made-up", new StringContent("not recorded"), Ct);
        var problem = JsonNode.Parse(await sent.Content.ReadAsStringAsync(Ct))!;

        var (_, list) = await SendAsync(HttpMethod.Get, "/v1/inboxes", org);
        var (requestsStatus, _) = await SendAsync(HttpMethod.Get, "/v1/inboxes/made-up/requests", org);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)sent.StatusCode, Is.EqualTo(404));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("made-up").And.Contain("POST /v1/inboxes"));
            Assert.That(requestsStatus, Is.EqualTo(404));
            Assert.That(list!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Is.EqualTo(new[] { Id(created) }));
            Assert.That(list.AsArray().Single()!["request_count"]!.GetValue<int>(), Is.Zero);
        }
    }

    [Test]
    public async Task Should_refuse_a_bad_name_or_limit_and_create_nothing()
    {
        var org = NewOrganization();
        var (longName, longProblem) = await SendAsync(HttpMethod.Post, "/v1/inboxes", org, new { name = new string('n', 101) });
        var (controlName, controlProblem) = await SendAsync(HttpMethod.Post, "/v1/inboxes", org, new { name = "line\nbreak" });
        var (wrongType, typeProblem) = await SendAsync(HttpMethod.Post, "/v1/inboxes", org, new { name = 7 });
        var (badLimit, limitProblem) = await SendAsync(HttpMethod.Get, "/v1/inboxes?limit=0", org);
        var (_, list) = await SendAsync(HttpMethod.Get, "/v1/inboxes", org);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((longName, controlName, wrongType, badLimit), Is.EqualTo((400, 400, 400, 400)));
            Assert.That(longProblem!["errors"]!["name"], Is.Not.Null);
            Assert.That(controlProblem!["errors"]!["name"], Is.Not.Null);
            Assert.That(typeProblem!["errors"]!["name"], Is.Not.Null);
            Assert.That(limitProblem!["errors"]!["limit"], Is.Not.Null);
            Assert.That(list!.AsArray(), Is.Empty);
        }
    }

    private static string Id(JsonNode inbox) => inbox["id"]!.GetValue<string>();

    private static string Url(JsonNode inbox) => inbox["url"]!.GetValue<string>();

    private async Task<JsonNode> CreateInboxAsync(string organization, object? body)
    {
        var (status, inbox) = await SendAsync(HttpMethod.Post, "/v1/inboxes", organization, body);
        Assert.That(status, Is.EqualTo(201), inbox?.ToJsonString());
        return inbox!;
    }

    private async Task PostToAsync(JsonNode inbox, string body)
    {
        using var content = new StringContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await Http.PostAsync(new Uri(Url(inbox)).AbsolutePath, content, Ct);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }
}
