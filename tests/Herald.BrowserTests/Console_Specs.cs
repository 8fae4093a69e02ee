using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Herald.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Herald.BrowserTests;

[TestFixture]
[NonParallelizable]
public sealed class When_an_organization_uses_the_console : ConsoleServer
{
    [Test]
    public async Task Should_create_a_webhook_see_its_delivery_and_read_request_and_response()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var org = "org_" + Guid.NewGuid().ToString("N")[..12];
        var key = await Keys.ForAsync(org, Ct);
        var page = await SignedInPageAsync(key);

        await Expect(page.GetByText("You can use webhooks to notify your apps or web applications when certain events occur in Herald.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "No Data" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "webhooks-empty");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add New Webhook" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Name")).ToBeFocusedAsync();
        await dialog.GetByLabel("Name").FillAsync("Orders");
        await dialog.GetByLabel("URL").FillAsync(receiver.UrlFor("/hooks/orders"));
        await dialog.GetByLabel("Header 1 key").FillAsync("Test");
        await dialog.GetByLabel("Header 1 value").FillAsync("Webhook");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add header" }).ClickAsync();
        await dialog.GetByLabel("Header 2 key").FillAsync("X-Team");
        await dialog.GetByLabel("Header 2 value").FillAsync("payments");
        await Expect(dialog.GetByLabel("Audit Log Creation")).ToBeCheckedAsync();
        await Expect(dialog.GetByText("Secure", new() { Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "webhook-modal");
        await dialog.GetByText("Secure", new() { Exact = true }).ClickAsync();
        await Expect(dialog.GetByLabel("Mode")).Not.ToBeCheckedAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Expect(dialog.GetByLabel("Signing secret")).ToHaveValueAsync(new Regex("^whsec_"));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Orders" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Orders" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Orders" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "No Data" })).ToBeVisibleAsync();

        await PublishAuditRecordAsync(key, org);
        var mark = page.GetByRole(AriaRole.Cell).GetByLabel("delivered");
        for (var i = 0; i < 20 && await mark.CountAsync() == 0; i++)
        {
            await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync(),
                r => r.Url.Contains("/events?", StringComparison.Ordinal), new() { Timeout = 5_000 });
        }

        await Expect(mark).ToHaveTextAsync("✓");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Audit Log Creation" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "webhook-detail");

        await page.GetByLabel("Outcome").SelectOptionAsync("failed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "No Data" })).ToBeVisibleAsync();
        await page.GetByLabel("Outcome").SelectOptionAsync("succeeded");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(mark).ToHaveTextAsync("✓");

        await page.Locator("a.event-link").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Request" })).ToHaveAttributeAsync("aria-selected", "true");
        var panel = page.GetByRole(AriaRole.Tabpanel);
        await Expect(panel).ToContainTextAsync("Test:");
        await Expect(panel).ToContainTextAsync("Webhook");
        await Expect(panel).ToContainTextAsync("X-Team:");
        await Expect(panel).ToContainTextAsync("payments");
        await Expect(panel).ToContainTextAsync("\"event_category\": \"audit_log_creation\"");
        await Expect(page.GetByText(new Regex(@"Completed in \d+\.\d+ seconds"))).ToBeVisibleAsync();
        await ScreenshotAsync(page, "event-request");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Response 200" }).ClickAsync();
        await Expect(panel).ToContainTextAsync("ok");
        await ScreenshotAsync(page, "event-response");
        Assert.That(receiver.Requests.Single().Header("X-Team"), Has.Exactly(1).EqualTo("payments"));
    }

    [Test]
    public async Task Should_show_a_bad_url_beside_its_field_and_save_nothing()
    {
        var org = "org_" + Guid.NewGuid().ToString("N")[..12];
        var key = await Keys.ForAsync(org, Ct);
        var page = await SignedInPageAsync(key);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add New Webhook" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Broken");
        await dialog.GetByLabel("URL").FillAsync("ftp://x");
        await dialog.GetByLabel("URL").PressAsync("Enter");

        await Expect(dialog.Locator("#error-url")).ToBeVisibleAsync();
        await Expect(dialog.GetByLabel("URL")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.That(await CountWebhooksAsync(key), Is.Zero);

        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "No Data" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task Should_copy_and_delete_a_webhook()
    {
        var org = "org_" + Guid.NewGuid().ToString("N")[..12];
        var key = await Keys.ForAsync(org, Ct);
        await CreateWebhookAsync(key, "Billing");
        var page = await SignedInPageAsync(key);

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy Billing" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Billing (copy)" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "webhooks");

        page.Dialog += (_, confirm) => confirm.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Billing (copy)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Billing (copy)" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Billing" })).ToBeVisibleAsync();
        Assert.That(await CountWebhooksAsync(key), Is.EqualTo(1));
    }

    [Test]
    public async Task Should_edit_a_webhook_showing_a_bad_header_beside_its_row()
    {
        var org = "org_" + Guid.NewGuid().ToString("N")[..12];
        var key = await Keys.ForAsync(org, Ct);
        await CreateWebhookAsync(key, "Audit");
        var page = await SignedInPageAsync(key);

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Audit" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Audit EU");
        await dialog.GetByLabel("Header 1 key").FillAsync("Bad Key");
        await dialog.GetByLabel("Header 1 value").FillAsync("1");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(dialog.GetByLabel("Header 1 key")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(dialog.GetByText("Header names are at most 100 token characters", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(dialog.GetByLabel("Header 1 key")).ToBeFocusedAsync();

        await dialog.GetByLabel("Header 1 key").FillAsync("X-Region");
        await dialog.GetByLabel("Header 1 key").PressAsync("Enter");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Audit EU" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task Should_page_through_a_webhooks_events()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var org = "org_" + Guid.NewGuid().ToString("N")[..12];
        var key = await Keys.ForAsync(org, Ct);
        var id = await CreateWebhookAsync(key, "Busy", receiver.UrlFor("/busy"));
        for (var i = 0; i < 21; i++)
        {
            await PublishAuditRecordAsync(key, org);
        }

        await receiver.WaitForAsync(21, TimeSpan.FromSeconds(60));
        var page = await SignedInPageAsync(key);
        await page.GotoAsync($"{BaseUrl}/console/#/webhooks/{id}");
        await Expect(page.Locator("a.event-link")).ToHaveCountAsync(20);

        await page.GetByRole(AriaRole.Button, new() { Name = "2", Exact = true }).ClickAsync();
        await Expect(page.Locator("a.event-link")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Previous" }).ClickAsync();
        await Expect(page.Locator("a.event-link")).ToHaveCountAsync(20);
    }

    [Test]
    public async Task Should_post_to_a_new_inbox_and_show_what_it_received()
    {
        var org = "org_" + Guid.NewGuid().ToString("N")[..12];
        var key = await Keys.ForAsync(org, Ct);
        var page = await SignedInPageAsync(key);

        await page.GetByRole(AriaRole.Link, new() { Name = "Test inbox" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create webhook to a new inbox" }).ClickAsync();
        await Expect(page.Locator("#inbox-url")).ToContainTextAsync("/inbox/");
        await PublishAuditRecordAsync(key, org);

        var post = page.GetByRole(AriaRole.List, new() { Name = "Requests" }).GetByText("POST");
        for (var i = 0; i < 20 && await post.CountAsync() == 0; i++)
        {
            await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync(),
                r => r.Url.Contains("/requests", StringComparison.Ordinal), new() { Timeout = 5_000 });
        }

        await Expect(post).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Format JSON")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Word-Wrap")).ToBeCheckedAsync();
        await Expect(page.Locator("#inbox-body")).ToContainTextAsync("\"event_category\": \"audit_log_creation\"");
        await Expect(page.Locator("#toast.show")).ToHaveCountAsync(0);
        await Expect(page.Locator("#toast")).ToHaveCSSAsync("opacity", "0");
        await ScreenshotAsync(page, "inbox");
    }

    [Test]
    public async Task Should_fit_a_phone_screen()
    {
        var org = "org_" + Guid.NewGuid().ToString("N")[..12];
        var key = await Keys.ForAsync(org, Ct);
        await CreateWebhookAsync(key, "Phone");
        var page = await SignedInPageAsync(key, 390, 844);

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add New Webhook" })).ToBeInViewportAsync();
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.That(width, Is.LessThanOrEqualTo(390), "the page itself must not scroll sideways; wide tables scroll inside their box");
        await ScreenshotAsync(page, "phone-webhooks");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add New Webhook" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).GetByLabel("URL")).ToBeInViewportAsync();
        await ScreenshotAsync(page, "phone-modal");
    }

    [Test]
    public async Task Should_fit_the_webhook_and_event_pages_on_a_phone_screen()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var (_, key, id) = await WebhookWithOneRecordAsync(receiver, "Phone events", "/phone");
        var page = await SignedInPageAsync(key, 390, 844);

        await page.GotoAsync($"{BaseUrl}/console/#/webhooks/{id}");
        await Expect(page.Locator("a.event-link")).ToHaveCountAsync(1);
        var detailWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await ScreenshotAsync(page, "phone-webhook-detail");
        await page.Locator("a.event-link").ClickAsync();
        await Expect(page.Locator("#trace-link")).ToBeVisibleAsync();
        var eventWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await ScreenshotAsync(page, "phone-event");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(detailWidth, Is.LessThanOrEqualTo(390), "the webhook page scrolls sideways");
            Assert.That(eventWidth, Is.LessThanOrEqualTo(390), "the event page scrolls sideways");
        }
    }

    [Test]
    public async Task Should_refuse_a_wrong_key_and_sign_out()
    {
        var key = await Keys.ForAsync("org_" + Guid.NewGuid().ToString("N")[..12], Ct);
        var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/console/");
        await page.GetByLabel("Organization API key").FillAsync("hk_not-a-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByText("That key was not accepted.")).ToBeVisibleAsync();

        await page.GetByLabel("Organization API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByLabel("Organization API key")).ToBeVisibleAsync();
        Assert.That(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('herald.apiKey')"), Is.Null);
    }

    private async Task<int> CountWebhooksAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/webhooks");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request, Ct);
        var list = await response.Content.ReadFromJsonAsync<List<object>>(Ct);
        return list!.Count;
    }
}
