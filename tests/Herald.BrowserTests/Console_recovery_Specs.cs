using System.Text.Json.Nodes;
using Herald.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Herald.BrowserTests;

/// <summary>An admin brings deliveries back from the console: re-enabling a disabled webhook, and recovering failed ones.</summary>
public sealed class When_an_admin_brings_deliveries_back_in_the_console : ConsoleServer
{
    // One attempt per delivery, so a failure is final at once.
    protected override IEnumerable<string> Settings => ["--Delivery:RetrySchedule", "0s"];

    [Test]
    public async Task Should_send_the_parked_deliveries_when_a_webhook_Herald_disabled_is_enabled_again()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var gone = true;
        receiver.Respond = (_, context) =>
        {
            context.Response.StatusCode = gone ? StatusCodes.Status410Gone : StatusCodes.Status200OK;
            return Task.CompletedTask;
        };
        var (org, key, id) = await WebhookWithOneRecordAsync(receiver, "Gone for now", "/gone");
        await Wait.Eventually(async () => Assert.That((await GetJsonAsync(key, $"/v1/webhooks/{id}"))["enabled"]!.GetValue<bool>(), Is.False),
            TimeSpan.FromSeconds(20));
        await PublishAuditRecordAsync(key, org);
        var parked = await WaitForParkedAsync(key, id);

        gone = false;
        var page = await SignedInPageAsync(key);
        await page.GotoAsync($"{BaseUrl}/console/#/webhooks/{id}");
        await Expect(page.Locator("#disabled-reason")).ToContainTextAsync("410");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enable" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Disable" })).ToBeVisibleAsync();
        await Expect(page.Locator("#disabled-reason")).ToHaveCountAsync(0);
        await Wait.Eventually(() => Assert.That(EventIds(receiver).Where(e => e == parked).Count(), Is.EqualTo(1), "the parked delivery was not sent"),
            TimeSpan.FromSeconds(20));
    }

    [Test]
    public async Task Should_recover_a_failed_delivery_and_show_it_delivered()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var failing = true;
        receiver.Respond = (_, context) =>
        {
            context.Response.StatusCode = failing ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
            return Task.CompletedTask;
        };
        var (_, key, id) = await WebhookWithOneRecordAsync(receiver, "Flaky", "/flaky");
        var page = await SignedInPageAsync(key);
        await page.GotoAsync($"{BaseUrl}/console/#/webhooks/{id}");
        await Wait.Eventually(async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
            await Expect(page.Locator("td.outcome .mark.bad")).ToHaveCountAsync(1, new() { Timeout = 1_000 });
        }, TimeSpan.FromSeconds(20));

        await Expect(page.Locator("#failing-since")).ToContainTextAsync("Failing since");

        failing = false;
        await page.GetByRole(AriaRole.Button, new() { Name = "Recover" }).ClickAsync();

        await Expect(page.Locator("#toast")).ToContainTextAsync("1 delivery queued again.");
        await receiver.WaitForAsync(2, TimeSpan.FromSeconds(20));
        await Wait.Eventually(async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
            await Expect(page.Locator("td.outcome .mark.ok")).ToHaveCountAsync(1, new() { Timeout = 1_000 });
        }, TimeSpan.FromSeconds(20));
        await Expect(page.Locator("#failing-since")).ToHaveCountAsync(0);
        Assert.That(receiver.Requests.Select(r => r.Header("webhook-id").Single()).Distinct().Count(), Is.EqualTo(1), "a recovered delivery keeps its webhook-id");
    }

    private async Task<string> WaitForParkedAsync(string key, string webhookId)
    {
        string? parked = null;
        await Wait.Eventually(async () =>
        {
            var events = (await GetJsonAsync(key, $"/v1/webhooks/{webhookId}/events?outcome=parked"))["items"]!.AsArray();
            Assert.That(events, Has.Count.EqualTo(2), "both deliveries should wait, parked, for the webhook to be enabled");
            parked = events[0]!["event_id"]!.GetValue<string>();
        }, TimeSpan.FromSeconds(20));
        return parked!;
    }

    private static List<string> EventIds(LoopbackReceiver receiver) =>
        [.. receiver.Requests.Select(r => JsonNode.Parse(r.BodyText)!["event_id"]!.GetValue<string>())];
}
