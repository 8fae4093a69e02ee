using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Herald.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Herald.BrowserTests;

[TestFixture]
[NonParallelizable]
public sealed class When_an_organization_comes_back_to_its_inboxes : ConsoleServer
{
    [Test]
    public async Task Should_list_the_inbox_with_its_request_after_a_reload_and_in_a_new_tab()
    {
        var org = "org_" + Guid.NewGuid().ToString("N")[..12];
        var key = await Keys.ForAsync(org, Ct);
        await CreateInboxAsync(await Keys.ForAsync("org_" + Guid.NewGuid().ToString("N")[..12], Ct), "Another organization's");
        var page = await SignedInPageAsync(key);

        await page.GetByRole(AriaRole.Link, new() { Name = "Test inbox" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create webhook to a new inbox" }).ClickAsync();
        await Expect(page.Locator("#inbox-url")).ToContainTextAsync("/inbox/");
        var inboxId = await page.Locator("#inbox-picker").InputValueAsync();
        Assert.That(inboxId, Does.Match("^inb_[0-9a-f]{32}$"));
        await Expect(Options(page)).ToHaveTextAsync([$"Inbox {inboxId[4..12]} · 0 requests"]);

        await PublishAuditRecordAsync(key, org);
        await Wait.Eventually(async () => Assert.That(await RequestCountAsync(key, inboxId), Is.EqualTo(1)), TimeSpan.FromSeconds(30));

        await page.ReloadAsync();
        await ExpectListedWithItsRequestAsync(page, inboxId);

        // A new browser context has none of the first tab's session storage: the list comes from the API.
        var fresh = await SignedInPageAsync(key);
        await fresh.GetByRole(AriaRole.Link, new() { Name = "Test inbox" }).ClickAsync();
        await ExpectListedWithItsRequestAsync(fresh, inboxId);
    }

    [Test]
    public async Task Should_show_the_requests_of_the_inbox_picked_from_the_list()
    {
        var org = "org_" + Guid.NewGuid().ToString("N")[..12];
        var key = await Keys.ForAsync(org, Ct);
        var older = await CreateInboxAsync(key, "Payments");
        var newer = await CreateInboxAsync(key, "Orders");
        await PostToAsync(older, "{\"for\":\"payments\"}");
        var page = await SignedInPageAsync(key);

        await page.GetByRole(AriaRole.Link, new() { Name = "Test inbox" }).ClickAsync();
        await Expect(Options(page)).ToHaveTextAsync(["Orders · 0 requests", "Payments · 1 request"]);
        await Expect(page.Locator("#inbox-picker")).ToHaveValueAsync(newer["id"]!.GetValue<string>());
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Requests" })).ToHaveTextAsync("No Data");

        await page.Locator("#inbox-picker").SelectOptionAsync(older["id"]!.GetValue<string>());

        await Expect(page.Locator("#inbox-url")).ToHaveTextAsync(older["url"]!.GetValue<string>());
        await Expect(page.Locator("#inbox-body")).ToContainTextAsync("\"for\": \"payments\"");
        await page.ReloadAsync();
        await Expect(page.Locator("#inbox-picker")).ToHaveValueAsync(older["id"]!.GetValue<string>());
    }

    private static ILocator Options(IPage page) => page.Locator("#inbox-picker option");

    private static async Task ExpectListedWithItsRequestAsync(IPage page, string inboxId)
    {
        await Expect(Options(page)).ToHaveTextAsync([$"Inbox {inboxId[4..12]} · 1 request"]);
        await Expect(page.Locator("#inbox-picker")).ToHaveValueAsync(inboxId);
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Requests" }).GetByText("POST")).ToBeVisibleAsync();
        await Expect(page.Locator("#inbox-body")).ToContainTextAsync("\"event_category\": \"audit_log_creation\"");
    }

    private async Task<JsonNode> CreateInboxAsync(string key, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/inboxes") { Content = JsonContent.Create(new { name }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        return JsonNode.Parse(body)!;
    }

    private async Task PostToAsync(JsonNode inbox, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(inbox["url"]!.GetValue<string>()).AbsolutePath, content, Ct);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<long?> RequestCountAsync(string key, string inboxId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/inboxes");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request, Ct);
        var inboxes = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray();
        return inboxes.FirstOrDefault(i => i!["id"]!.GetValue<string>() == inboxId)?["request_count"]?.GetValue<long>();
    }
}
