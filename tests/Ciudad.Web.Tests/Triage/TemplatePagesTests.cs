using System.Globalization;
using System.Net;
using Ciudad.Platform.Data;
using Ciudad.Platform.Identity;
using Ciudad.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Tests.Triage;

/// <summary>Department managers keep their department's response templates, in both languages.</summary>
public sealed class TemplatePagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string[] EveryTextRequired = ["Enter the title in English", "Enter the title in Spanish", "Enter the note in English", "Enter the note in Spanish"];

    [Theory, BothDatabases]
    public async Task A_manager_creates_edits_and_deletes_a_template_and_each_change_is_audited(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (session, _) = await app.StaffAsync(StaffRoles.DepartmentManager);
        var title = "Crew scheduled " + TriageKit.Marker();
        var pothole = await app.WithDbAsync(d => d.Services().Where(s => s.Code == "pothole").Select(s => s.Id).SingleAsync());
        var graffiti = await app.WithDbAsync(d => d.Services().Where(s => s.Code == "graffiti").Select(s => s.Id).SingleAsync());
        var form = await session.GetAsync("/Staff/Requests/Templates/Create");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        // A manager of one department has it chosen already, and is offered only its services.
        Assert.Equal((await app.DepartmentIdAsync(TriageKit.Streets)).ToString(CultureInfo.InvariantCulture), form.Find("#Input-DepartmentId option[selected]")?.GetAttribute("value"));
        Assert.Null(form.Find($"#Input-ServiceId option[value='{graffiti}']"));

        var empty = await session.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equivalent(EveryTextRequired, empty.Errors, strict: true);
        var otherService = await session.SubmitAsync(form, Values(title, graffiti.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(["Choose a service of the chosen department"], otherService.Errors);

        var created = await session.SubmitAsync(form, Values(title, pothole.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal($"Template \"{title}\" created.", created.Confirmation());
        var edit = await session.GetAsync(created.FindAll("table a").Single(a => a.TextContent == title).GetAttribute("href")!);
        Assert.Equal("Vamos en camino.", edit.Find("#Input-BodyEs")!.TextContent);
        var saved = await session.SubmitAsync(edit, new Dictionary<string, string> { ["Input.BodyEs"] = "La cuadrilla va en camino." });
        Assert.Equal($"Template \"{title}\" saved.", saved.Confirmation());
        var template = await app.WithDbAsync(d => d.ResponseTemplates().AsNoTracking().SingleAsync(t => LocalizedTextSql.In(t.Title, "en") == title));
        Assert.Equal("La cuadrilla va en camino.", template.Body["es"]);
        Assert.Equal(pothole, template.ServiceId);

        var deleted = await session.SubmitAsync(await session.GetAsync($"/Staff/Requests/Templates/Edit/{template.Id}"), formSelector: "main form[action*='handler=Delete']");
        Assert.Equal($"Template \"{title}\" deleted.", deleted.Confirmation());
        Assert.False(await app.WithDbAsync(d => d.ResponseTemplates().AnyAsync(t => t.Id == template.Id)));
        var id = template.Id.ToString(CultureInfo.InvariantCulture);
        foreach (var action in new[] { "servicerequests.template-created", "servicerequests.template-updated", "servicerequests.template-deleted" })
        {
            Assert.Single(await app.AuditAsync(action, id));
        }
    }

    [Theory, BothDatabases]
    public async Task Agents_use_templates_but_do_not_manage_them(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (agent, _) = await app.StaffAsync();
        var (spanishManager, _) = await app.StaffAsync(StaffRoles.DepartmentManager, culture: "es");

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/Staff/Requests/Templates")).StatusCode);
        Assert.Null((await agent.GetAsync("/Staff/Requests")).Find("a[href='/Staff/Requests/Templates']"));
        var list = await spanishManager.GetAsync("/Staff/Requests/Templates");
        Assert.Equal("Plantillas de respuesta", list.H1);
    }

    private static Dictionary<string, string> Values(string title, string serviceId) => new()
    {
        ["Input.ServiceId"] = serviceId,
        ["Input.SuggestedStatus"] = "InProgress",
        ["Input.TitleEn"] = title,
        ["Input.TitleEs"] = "Cuadrilla programada",
        ["Input.BodyEn"] = "A crew is on its way.",
        ["Input.BodyEs"] = "Vamos en camino.",
    };
}
