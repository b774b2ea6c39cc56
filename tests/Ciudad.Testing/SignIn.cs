namespace Ciudad.Testing;

/// <summary>Signing in through the real pages, as a person would.</summary>
public static class SignIn
{
    /// <summary>
    /// Fills the sign-in form (fields ending in "Email" and "Password"), and the authenticator code
    /// form if the account asks for one. Returns the page the person lands on.
    /// </summary>
    public static async Task<HtmlPage> SignInAsync(this WebSession session, TestPerson person, string returnUrl = "/")
    {
        var login = await session.GetAsync($"/Account/Login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var form = login.Find("main form:has(input[type=password])")
            ?? throw new InvalidOperationException($"No sign-in form on {login}");
        string FieldEndingWith(string suffix) =>
            form.QuerySelectorAll("input").Select(i => i.GetAttribute("name") ?? "").First(n => n.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        var page = await session.SubmitAsync(login, new Dictionary<string, string>
        {
            [FieldEndingWith("Email")] = person.Email,
            [FieldEndingWith("Password")] = person.Password,
        }, formSelector: "main form:has(input[type=password])");
        if (page.Url.AbsolutePath.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase))
        {
            var codeField = page.FindAll("main form input").Select(i => i.GetAttribute("name") ?? "")
                .First(n => n.EndsWith("Code", StringComparison.OrdinalIgnoreCase));
            page = await session.SubmitAsync(page, new Dictionary<string, string> { [codeField] = person.NextCode() });
        }
        return page;
    }
}
