using System.Globalization;
using System.Net;
using System.Text.Json;
using Ciudad.Platform.Data;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Intake;
using Ciudad.ServiceRequests.Requests;
using Ciudad.Web.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Catalog;

public sealed class CatalogPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static string UniqueCode() => "noise-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<Dictionary<string, string>> NoiseServiceAsync(CiudadApp app, string code) => new()
    {
        ["Input.Code"] = code,
        ["Input.NameEn"] = "Noise complaint",
        ["Input.NameEs"] = "Queja por ruido",
        ["Input.DescriptionEn"] = "Loud noise at night from a home or business.",
        ["Input.DescriptionEs"] = "Ruido fuerte de noche en una casa o negocio.",
        ["Input.KeywordsEn"] = "noise , music,, party",
        ["Input.KeywordsEs"] = "ruido, música",
        ["Input.GroupEn"] = "Property and vehicles",
        ["Input.GroupEs"] = "Propiedades y vehículos",
        ["Input.DepartmentId"] = (await app.DepartmentIdAsync("code-compliance")).ToString(CultureInfo.InvariantCulture),
        ["Input.SlaKind"] = "CalendarDays",
        ["Input.SlaDays"] = "5",
        ["Input.Sensitivity"] = "CoarsenedLocation",
    };

    [Theory, BothDatabases]
    public async Task An_administrator_adds_a_service_with_a_list_question_renames_it_and_deactivates_it(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, person) = await app.SignedInAdministratorAsync();
        var code = UniqueCode();

        var created = await admin.SubmitAsync(await admin.GetAsync("/Admin/Catalog/Create"), await NoiseServiceAsync(app, code));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Matches("^/Admin/Catalog/Edit/[0-9]+$", created.Url.AbsolutePath);
        Assert.Equal("The service Noise complaint was added. Add its questions below.", created.Confirmation());
        var serviceUrl = created.Url.AbsolutePath;

        var question = await admin.SubmitAsync(await admin.GetAsync(serviceUrl + "/Questions"), new Dictionary<string, string>
        {
            ["Input.Code"] = "source",
            ["Input.DescriptionEn"] = "Where does the noise come from?",
            ["Input.DescriptionEs"] = "¿De dónde viene el ruido?",
            ["Input.Datatype"] = "SingleValueList",
            ["Input.IsRequired"] = "true",
        });
        Assert.Equal("The question \"Where does the noise come from?\" was added.", question.Confirmation());
        Assert.Equal("This list has no answers yet", question.Find(".usa-alert--warning h2")?.TextContent.Trim());
        var questionUrl = question.Url.AbsolutePath;
        foreach (var (key, en, es) in new[] { ("music", "Loud music", "Música fuerte"), ("dog", "Barking dog", "Perro que ladra") })
        {
            var added = await admin.SubmitAsync(await admin.GetAsync(questionUrl + "/Answers"), new Dictionary<string, string>
            {
                ["Input.Key"] = key,
                ["Input.NameEn"] = en,
                ["Input.NameEs"] = es,
            });
            Assert.Equal($"The answer \"{en}\" was added.", added.Confirmation());
        }
        var answers = await admin.GetAsync(questionUrl);
        Assert.Equal(["Loud music", "Barking dog"], answers.FindAll("table tbody th").Select(t => t.TextContent.Trim()));

        // Residents (and Open311 apps) can now report it, with the rules just set.
        var accepted = await SubmitAsync(app, code, "music");
        Assert.True(accepted.Succeeded);
        Assert.Equal(5, (accepted.Value!.ExpectedAt!.Value - accepted.Value.RequestedAt).TotalDays, 3);
        Assert.Contains((await SubmitAsync(app, code, "fireworks")).Errors, e => e.Key == "Requests.Intake.AnswerNotInList");

        var renamed = await admin.SubmitAsync(await admin.GetAsync(serviceUrl), new Dictionary<string, string>
        {
            ["Input.NameEn"] = "Loud noise",
            ["Input.NameEs"] = "Ruido excesivo",
        });
        Assert.Equal("Changes to Loud noise were saved.", renamed.Confirmation());

        var deactivated = await admin.SubmitAsync(await admin.GetAsync(serviceUrl), new Dictionary<string, string> { ["Input.IsActive"] = "false" });
        Assert.Equal("This service is not active", deactivated.Find(".usa-alert--info h2")?.TextContent.Trim());
        var list = await admin.GetAsync("/Admin/Catalog");
        var row = list.FindAll("table tbody tr").Single(r => r.TextContent.Contains(code, StringComparison.Ordinal));
        Assert.Contains("Loud noise", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Inactive", row.TextContent, StringComparison.Ordinal);

        // Hidden from new reports, but the request already filed stays.
        Assert.Contains((await SubmitAsync(app, code, "music")).Errors, e => e.Key == "Requests.Intake.ServiceUnknown");
        Assert.True(await app.WithDbAsync(d => d.Requests().AnyAsync(r => r.Id == accepted.Value!.Id)));

        var updates = await app.AuditAsync("servicerequests.service-updated", code);
        Assert.Equal(2, updates.Count);
        Assert.All(updates, u => Assert.Equal(person.Email, u.ActorEmail));
        Assert.Equal("Noise complaint", Json(updates[0].BeforeJson, "name.en"));
        Assert.Equal("Loud noise", Json(updates[0].AfterJson, "name.en"));
        Assert.Equal("true", Json(updates[1].BeforeJson, "isActive"));
        Assert.Equal("false", Json(updates[1].AfterJson, "isActive"));
        var creation = Assert.Single(await app.AuditAsync("servicerequests.service-created", code));
        Assert.Equal("noise, music, party", Json(creation.AfterJson, "keywords.en"));
        Assert.Single(await app.AuditAsync("servicerequests.question-added", code));
        Assert.Equal(2, (await app.AuditAsync("servicerequests.answer-added", code)).Count);
    }

    [Theory, BothDatabases]
    public async Task Questions_can_be_reordered_and_removed_and_each_change_is_audited(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();
        var code = UniqueCode();
        var serviceUrl = (await admin.SubmitAsync(await admin.GetAsync("/Admin/Catalog/Create"), await NoiseServiceAsync(app, code))).Url.AbsolutePath;
        foreach (var (questionCode, text) in new[] { ("when", "When does it happen?"), ("how_loud", "How loud is it?") })
        {
            await admin.SubmitAsync(await admin.GetAsync(serviceUrl + "/Questions"), new Dictionary<string, string>
            {
                ["Input.Code"] = questionCode,
                ["Input.DescriptionEn"] = text,
                ["Input.DescriptionEs"] = "Pregunta " + questionCode,
                ["Input.Datatype"] = "String",
            });
        }

        var page = await admin.GetAsync(serviceUrl);
        var moved = await admin.SubmitAsync(page, buttonText: "Move down");
        Assert.Equal(["How loud is it?", "When does it happen?"], moved.FindAll("table tbody th a").Select(a => a.TextContent.Trim()));
        var removed = await admin.SubmitAsync(moved, buttonText: "Remove");
        Assert.Equal("The question \"How loud is it?\" was removed.", removed.Confirmation());
        Assert.Equal(["When does it happen?"], removed.FindAll("table tbody th a").Select(a => a.TextContent.Trim()));

        Assert.Single(await app.AuditAsync("servicerequests.questions-reordered", code));
        var removal = Assert.Single(await app.AuditAsync("servicerequests.question-removed", code));
        Assert.Equal("how_loud", Json(removal.BeforeJson, "code"));
    }

    [Theory, BothDatabases]
    public async Task A_duplicate_code_and_a_missing_Spanish_name_are_refused_with_400_in_the_readers_language(TestDatabase db)
    {
        var app = await fixture.For(db);
        var (admin, _) = await app.SignedInAdministratorAsync();
        var fields = await NoiseServiceAsync(app, "pothole");
        fields["Input.NameEs"] = "";
        fields["Input.SlaKind"] = "BusinessDays";
        fields["Input.SlaDays"] = "";

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/Catalog/Create"), fields);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Contains("Enter the name in Spanish", page.Errors);
        Assert.Contains("Enter the number of days of the target", page.Errors);
        fields["Input.NameEs"] = "Bache otra vez";
        fields["Input.SlaDays"] = "3";
        var duplicate = await admin.SubmitAsync(await admin.GetAsync("/Admin/Catalog/Create"), fields);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(["Another service already uses the code pothole. Choose a different code"], duplicate.Errors);

        var (spanish, _) = await app.SignedInAdministratorAsync("es");
        fields["Input.Code"] = "Ruido Fuerte";
        fields["Input.NameEs"] = "";
        var enEspanol = await spanish.SubmitAsync(await spanish.GetAsync("/Admin/Catalog/Create"), fields);
        Assert.Equal(HttpStatusCode.BadRequest, enEspanol.StatusCode);
        Assert.Contains("Escriba el nombre en español", enEspanol.Errors);
        Assert.Contains(enEspanol.Errors, e => e.StartsWith("El código del servicio solo puede usar letras minúsculas", StringComparison.Ordinal));
        Assert.Empty(await app.WithDbAsync(d => d.Services().Where(s => LocalizedTextSql.In(s.Name, "es") == "Bache otra vez").ToListAsync()));
    }

    [Theory, BothDatabases]
    public async Task Staff_who_are_not_administrators_cannot_open_or_post_to_the_catalog_pages(TestDatabase db)
    {
        var app = await fixture.For(db);
        var manager = await app.CreateStaffAsync(StaffRoles.DepartmentManager, "streets-and-maintenance");
        using var session = app.NewSession("en");
        await session.SignInAsync(manager);

        var list = await session.Client.GetAsync(new Uri("/Admin/Catalog", UriKind.Relative));
        var edit = await session.Client.GetAsync(new Uri("/Admin/Catalog/Edit/1", UriKind.Relative));
        var post = await session.PostRawAsync("/Admin/Catalog/Create", [new("Input.Code", "sneaky")]);

        foreach (var response in new[] { list, edit, post })
        {
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest
                || response.Headers.Location?.OriginalString.Contains("/Errors/403", StringComparison.Ordinal) == true,
                $"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode}");
        }
        Assert.False(await app.WithDbAsync(d => d.Services().AnyAsync(s => s.Code == "sneaky")));
    }

    private static Task<Outcome<ServiceRequest>> SubmitAsync(CiudadApp app, string code, string source) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<RequestIntake>().SubmitAsync(new IntakeSubmission
        {
            ServiceCode = code,
            Latitude = ServiceRequestData.CityHallLatitude,
            Longitude = ServiceRequestData.CityHallLongitude,
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["source"] = [source] },
        }));

    /// <summary>A property of an audit snapshot; "name.en" reads one language of a localized text.</summary>
    private static string? Json(string? json, string path)
    {
        var value = path.Split('.').Aggregate(JsonDocument.Parse(json!).RootElement, (element, property) => element.GetProperty(property));
        return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }
}
