using Microsoft.Playwright;

namespace Ciudad.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AccountJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_resident_registers_in_spanish_on_a_phone_confirms_by_email_and_signs_in()
    {
        var email = TestPeople.UniqueEmail("vecina");
        var page = await browser.NewPageAsync("es-MX", phone: true);

        await page.GotoAsync("/Account/Register");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Crear una cuenta");
        await page.AssertNoViolationsAsync();

        // A first try with a short password shows the error summary, in Spanish, without losing the email.
        await page.FillAsync("#Input-Email", email);
        await page.FillAsync("#Input-Password", "corta");
        await page.FillAsync("#Input-ConfirmPassword", "corta");
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Input-Email")).ToHaveValueAsync(email);
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        await page.AssertNoViolationsAsync();

        await page.FillAsync("#Input-Password", TestPeople.Password);
        await page.FillAsync("#Input-ConfirmPassword", TestPeople.Password);
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToHaveCountAsync(0);
        await page.AssertNoViolationsAsync();

        var message = await browser.App.Mailbox.WaitForAsync(email);
        Assert.Equal("Confirme su cuenta de la Ciudad de El Paso", message.Subject);
        await page.GotoAsync(Mailbox.LinkIn(message, "/Account/ConfirmEmail"));
        await Assertions.Expect(page.Locator(".usa-alert--error")).ToHaveCountAsync(0);
        await page.AssertNoViolationsAsync();

        await page.SignInAsync(new TestPerson("", email, TestPeople.Password, null));
        await page.GotoAsync("/Account/Manage");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(email);
        Assert.Equal("es", await page.GetAttributeAsync("html", "lang"));
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task An_administrator_invites_staff_who_accepts_and_enrols_an_authenticator_before_the_staff_pages()
    {
        var admin = await browser.App.CreateStaffAsync("Administrator");
        var inviteeEmail = TestPeople.UniqueEmail("agent");
        var adminPage = await browser.NewPageAsync();
        await adminPage.SignInAsync(admin);

        await adminPage.GotoAsync("/Admin/Staff/Invite");
        await adminPage.AssertNoViolationsAsync();
        await adminPage.FillAsync("#Input-Email", inviteeEmail);
        // USWDS draws its own radio; a person clicks the label.
        await adminPage.ClickAsync("input[name='Input.Role'][value='Agent'] + label");
        await adminPage.SelectOptionAsync("#Input-DepartmentId", new SelectOptionValue { Label = "Streets and Maintenance" });
        await adminPage.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(adminPage.Locator(".usa-alert--success")).ToContainTextAsync(inviteeEmail);

        var invitation = await browser.App.Mailbox.WaitForAsync(inviteeEmail);
        var staffPage = await browser.NewPageAsync();
        await staffPage.GotoAsync(Mailbox.LinkIn(invitation, "/Staff/Invitation"));
        await staffPage.AssertNoViolationsAsync();
        await staffPage.FillAsync("#Password", TestPeople.Password);
        await staffPage.FillAsync("#ConfirmPassword", TestPeople.Password);
        await staffPage.ClickAsync("main form button[type=submit]");

        // Enrolment comes before any staff page.
        Assert.Contains("/Account/Manage/TwoFactor", staffPage.Url, StringComparison.Ordinal);
        await staffPage.AssertNoViolationsAsync();
        var key = (await staffPage.Locator(".ciudad-shared-key").TextContentAsync())!;
        await staffPage.FillAsync("#Input-Code", Totp.NextCode(key));
        await staffPage.ClickAsync("main form button[type=submit]:visible");
        await staffPage.GotoAsync("/Staff");

        Assert.EndsWith("/Staff", staffPage.Url, StringComparison.Ordinal);
        await Assertions.Expect(staffPage.Locator("main")).ToContainTextAsync("Streets and Maintenance");
        await staffPage.AssertNoViolationsAsync();
    }
}
