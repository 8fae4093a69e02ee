using Herald.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Herald.BrowserTests;

[TestFixture]
[NonParallelizable]
public sealed class When_an_admin_rotates_a_secret_in_the_console : ConsoleServer
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
}
