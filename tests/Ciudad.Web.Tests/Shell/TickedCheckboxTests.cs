using System.Net;
using AngleSharp.Dom;
using Ciudad.Web.Tests.Admin;
using static Ciudad.Web.Tests.Report.ReportKit;

namespace Ciudad.Web.Tests.Shell;

/// <summary>
/// Every form with a yes/no box (the shared <c>ciudad-checkbox</c>): a ticked box posts "true" and
/// its hidden "false", and must come back ticked when the form is shown again with an error.
/// </summary>
public sealed class TickedCheckboxTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task A_resident_who_mistypes_their_email_keeps_email_me_each_time_the_status_changes(TestDatabase db)
    {
        var app = await fixture.For(db);
        using var resident = app.NewSession();
        var location = await resident.GetAsync("/report/location?service=sidewalk");
        var details = await resident.SubmitAsync(location, new Dictionary<string, string> { ["Input.Address"] = "Stanton St y Yandell Dr" });
        var contact = await resident.SubmitMultipartAsync(details, [new("Input.Description", "Sidewalk lifted by a tree")], []);

        var refused = await resident.SubmitAsync(Tick(contact, "Input.NotifyByEmail"), new Dictionary<string, string> { ["Input.Email"] = "lupita.example.com" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotEmpty(refused.Errors);
        AssertTicked(refused, "Input.NotifyByEmail");
    }

    [Theory, BothDatabases]
    public async Task An_administrator_fixing_a_departments_missing_name_keeps_it_active(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();
        var create = await admin.GetAsync("/Admin/Departments/Create");
        var slug = "parks-" + Guid.NewGuid().ToString("N")[..8];
        var createRefused = await admin.SubmitAsync(Tick(create, "Input.IsActive"), new Dictionary<string, string>
        {
            ["Input.Slug"] = slug, ["Input.NameEn"] = "", ["Input.NameEs"] = "Parques", ["Input.ContactEmail"] = "parks@elpasotexas.gov",
        });
        Assert.Equal(HttpStatusCode.BadRequest, createRefused.StatusCode);
        AssertTicked(createRefused, "Input.IsActive");
        var created = await admin.SubmitAsync(createRefused, new Dictionary<string, string> { ["Input.NameEn"] = "Parks" });
        Assert.Matches("^/Admin/Departments/Edit/[0-9]+$", created.Url.AbsolutePath);

        var editRefused = await admin.SubmitAsync(Tick(created, "Input.IsActive"), new Dictionary<string, string> { ["Input.NameEn"] = "" }, buttonText: "Save changes");
        Assert.Equal(HttpStatusCode.BadRequest, editRefused.StatusCode);
        Assert.Contains("Enter the name in English", editRefused.Errors);
        AssertTicked(editRefused, "Input.IsActive");

        var saved = await admin.SubmitAsync(editRefused, new Dictionary<string, string> { ["Input.NameEn"] = "Parks and Recreation" }, buttonText: "Save changes");
        Assert.Equal("Your changes to Parks and Recreation were saved.", saved.Confirmation());
        var active = await admin.GetAsync("/Admin/Departments?status=active");
        Assert.Contains(active.FindAll("table tbody th a"), a => a.TextContent == "Parks and Recreation");
    }

    [Theory, BothDatabases]
    public async Task A_service_missing_its_spanish_name_stays_active_when_shown_again(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();
        var edit = await admin.GetAsync(await FirstServiceUrlAsync(admin));

        var refused = await admin.SubmitAsync(Tick(edit, "Input.IsActive"), new Dictionary<string, string> { ["Input.NameEs"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        AssertTicked(refused, "Input.IsActive");
        var create = await admin.GetAsync("/Admin/Catalog/Create");
        var createRefused = await admin.SubmitAsync(Tick(create, "Input.IsActive"), new Dictionary<string, string> { ["Input.Code"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, createRefused.StatusCode);
        AssertTicked(createRefused, "Input.IsActive");
    }

    [Theory, BothDatabases]
    public async Task A_question_missing_its_text_keeps_required_and_variable_ticked(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();
        var add = await admin.GetAsync(await FirstServiceUrlAsync(admin) + "/Questions");
        Tick(add, "Input.IsVariable");

        var refused = await admin.SubmitAsync(Tick(add, "Input.IsRequired"), new Dictionary<string, string>
        {
            ["Input.Code"] = "q" + Guid.NewGuid().ToString("N")[..8], ["Input.DescriptionEn"] = "", ["Input.Datatype"] = "String",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        AssertTicked(refused, "Input.IsVariable");
        AssertTicked(refused, "Input.IsRequired");
    }

    [Theory, BothDatabases]
    public async Task A_wrong_password_keeps_remember_me_ticked(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync();
        using var session = app.NewSession();
        var login = await session.GetAsync("/Account/Login");

        var refused = await session.SubmitAsync(Tick(login, "Input.RememberMe"), new Dictionary<string, string>
        {
            ["Input.Email"] = resident.Email, ["Input.Password"] = "not the password",
        });

        Assert.NotEmpty(refused.Errors);
        AssertTicked(refused, "Input.RememberMe");
    }

    [Theory, BothDatabases]
    public async Task A_wrong_password_when_deleting_an_account_keeps_the_confirmation_ticked(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync();
        using var session = app.NewSession();
        await session.SignInAsync(resident);
        var delete = await session.GetAsync("/Account/Manage/Delete");

        var refused = await session.SubmitAsync(Tick(delete, "Input.Confirm"), new Dictionary<string, string> { ["Input.Password"] = "not the password" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotEmpty(refused.Errors);
        AssertTicked(refused, "Input.Confirm");
    }

    /// <summary>Ticks the box as a person would, so the form posts "true" and the hidden "false".</summary>
    private static HtmlPage Tick(HtmlPage page, string name)
    {
        Box(page, name).SetAttribute("checked", "checked");
        return page;
    }

    private static void AssertTicked(HtmlPage page, string name) =>
        Assert.True(Box(page, name).HasAttribute("checked"), $"{name} came back unticked on {page}");

    private static IElement Box(HtmlPage page, string name) =>
        page.Find($"main input[type=checkbox][name='{name}']") ?? throw new InvalidOperationException($"No box {name} on {page}");

    private static async Task<string> FirstServiceUrlAsync(WebSession admin)
    {
        var list = await admin.GetAsync("/Admin/Catalog");
        return list.Find("main table a[href^='/Admin/Catalog/Edit/']")!.GetAttribute("href")!;
    }
}
