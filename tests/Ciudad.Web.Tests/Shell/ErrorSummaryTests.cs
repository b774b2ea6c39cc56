using System.Net;
using Ciudad.Web.Tests.Admin;

namespace Ciudad.Web.Tests.Shell;

/// <summary>
/// The error summary at the top of a form: its messages in the order of the form's fields, and each
/// link landing on a control a person can answer with (for a radio group, its first option).
/// </summary>
public sealed class ErrorSummaryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Registration_errors_are_listed_in_the_order_of_the_form(TestDatabase db)
    {
        var app = await fixture.For(db);
        using var visitor = app.NewSession();
        var form = await visitor.GetAsync("/Account/Register");

        var page = await visitor.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Email"] = "not-an-email",
            ["Input.DisplayName"] = new string('a', 101),
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "different",
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(["#Input-Email", "#Input-DisplayName", "#Input-Password", "#Input-ConfirmPassword"], SummaryLinks(page));
        AssertLinksFollowTheForm(page);
    }

    [Theory, BothDatabases]
    public async Task A_blank_service_lists_every_error_in_form_order_and_the_radio_groups_link_to_their_first_option(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();
        var form = await admin.GetAsync("/Admin/Catalog/Create");

        var page = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.SlaDays"] = "", ["Input.SlaKind"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("#Input-SlaKind", SummaryLinks(page));
        var slaKind = page.Find("#Input-SlaKind")!;
        Assert.Equal("radio", slaKind.GetAttribute("type"));
        Assert.Same(slaKind, page.FindAll("input[name='Input.SlaKind']")[0]);
        AssertLinksFollowTheForm(page);
    }

    [Theory, BothDatabases]
    public async Task A_blank_department_lists_its_errors_in_form_order(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();
        var form = await admin.GetAsync("/Admin/Departments/Create");

        var page = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Slug"] = "", ["Input.NameEn"] = "", ["Input.NameEs"] = "", ["Input.ContactEmail"] = "" });

        Assert.Equal(["#Input-Slug", "#Input-NameEn", "#Input-NameEs", "#Input-ContactEmail"], SummaryLinks(page));
    }

    private static List<string> SummaryLinks(HtmlPage page) =>
        [.. page.FindAll(".ciudad-error-summary a").Select(a => a.GetAttribute("href")!)];

    /// <summary>Every link lands on a control, and the controls come in the order the summary lists them.</summary>
    private static void AssertLinksFollowTheForm(HtmlPage page)
    {
        var everything = page.FindAll("*").ToList();
        var positions = new List<int>();
        foreach (var href in SummaryLinks(page))
        {
            var target = page.Find(href);
            Assert.True(target is not null, $"{href} points at nothing on {page}");
            Assert.True(target.LocalName is "input" or "select" or "textarea", $"{href} lands on a <{target.LocalName}>, not a control");
            positions.Add(everything.IndexOf(target));
        }
        Assert.Equal(positions.Order(), positions);
    }
}
