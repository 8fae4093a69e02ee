using System.Text.Json.Nodes;
using Herald.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Herald.BrowserTests;

[TestFixture]
[NonParallelizable]
public sealed class When_an_admin_controls_secrets_and_deliveries_in_the_console : ConsoleServer
{
    [Test]
    public async Task Should_show_the_new_secret_once_and_keep_keyboard_focus_inside_the_modal()
    {
        var org = "org_" + Guid.NewGuid().ToString("N")[..12];
        var key = await Keys.ForAsync(org, Ct);
        await CreateWebhookAsync(key, "Ledger");
        var page = await SignedInPageAsync(key);

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Ledger" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Name")).ToBeFocusedAsync();

        // Shift+Tab from the first field wraps to the dialog's last control instead of leaving it.
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(dialog.GetByLabel("Name")).ToBeFocusedAsync();

        page.Dialog += (_, confirm) => confirm.AcceptAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Rotate secret" }).ClickAsync();
        var secret = dialog.GetByLabel("New signing secret");
        await Expect(secret).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^whsec_[A-Za-z0-9+/]{43}=$"));
        await Expect(dialog.GetByText("The previous secret keeps signing until", new() { Exact = false })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "rotate-secret");

        await page.Keyboard.PressAsync("Escape");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Ledger" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).GetByLabel("New signing secret")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Should_redeliver_an_event_and_filter_events_by_date()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var (_, key, id) = await WebhookWithOneRecordAsync(receiver, "Replays", "/replays");
        var page = await SignedInPageAsync(key);
        await page.GotoAsync($"{BaseUrl}/console/#/webhooks/{id}");

        // A range that ends before the event hides it; clearing the range shows it again.
        await page.GetByLabel("To").FillAsync("2020-01-01T00:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "No Data" })).ToBeVisibleAsync();
        await page.GetByLabel("To").FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var link = page.Locator("a.event-link");
        await Expect(link).ToHaveCountAsync(1);

        await link.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Redeliver" }).ClickAsync();
        await receiver.WaitForAsync(2, TimeSpan.FromSeconds(20));
        Assert.That(receiver.Requests.Select(r => r.Header("webhook-id").Single()).Distinct().Count(), Is.EqualTo(1), "a redelivery keeps the webhook-id");

        await Wait.Eventually(async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
            await Expect(page.GetByText("Attempt 2", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 1_000 });
        }, TimeSpan.FromSeconds(20));
    }

    [Test]
    public async Task Should_link_each_attempt_to_its_trace()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var (_, key, id) = await WebhookWithOneRecordAsync(receiver, "Traced", "/traced");
        var eventId = JsonNode.Parse(receiver.Requests.Single().BodyText)!["event_id"]!.GetValue<string>();
        var traceId = (await GetJsonAsync(key, $"/v1/webhooks/{id}/events/{eventId}"))["attempts"]![0]!["trace_id"]!.GetValue<string>();

        var page = await SignedInPageAsync(key);
        await page.GotoAsync($"{BaseUrl}/console/#/webhooks/{id}/events/{eventId}");
        var link = page.Locator("#trace-link");

        await Expect(link).ToHaveTextAsync($"Trace {traceId}");
        await Expect(link).ToHaveAttributeAsync("href", TraceUrl.Replace("{trace_id}", traceId, StringComparison.Ordinal));
        Assert.That(traceId, Does.Match("^[0-9a-f]{32}$"));
    }
}
