using Microsoft.Playwright;

namespace Ciudad.Browser.Tests;

public static class BrowserSignIn
{
    /// <summary>Signs in through the real pages, typing the authenticator code when asked.</summary>
    public static async Task SignInAsync(this IPage page, TestPerson person)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input-Email", person.Email);
        await page.FillAsync("#Input-Password", person.Password);
        await page.ClickAsync("main form button[type=submit]");
        if (page.Url.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase))
        {
            await page.FillAsync("#Input-Code", person.NextCode());
            await page.ClickAsync("main form button[type=submit]");
        }
        Assert.DoesNotContain("/Account/Login", page.Url, StringComparison.OrdinalIgnoreCase);
    }
}
