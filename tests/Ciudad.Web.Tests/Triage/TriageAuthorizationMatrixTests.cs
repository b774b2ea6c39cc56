using System.Globalization;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Triage;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Web.Tests.Triage;

/// <summary>
/// Every triage route, GET and POST, against every kind of visitor. Requests and templates belong
/// to Streets and Maintenance; someone who may not work there learns nothing ("not found"), and
/// template management is for managers (administrators everywhere).
/// </summary>
public sealed class TriageAuthorizationMatrixTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private enum Expect
    {
        Ok,
        Done,
        Refused,
        SignIn,
        Forbidden,
        NotFound,
    }

    private sealed record Visitor(string Name, TestPerson? Person, bool WorksHere, bool ManagesHere, bool ManagesElsewhere)
    {
        public bool IsStaff => Person is not null && Name != "resident";

        public Expect Outsider => Person is null ? Expect.SignIn : Expect.Forbidden;
    }

    /// <summary>The things each visitor acts on: fresh per visitor, as some actions change or remove them.</summary>
    private sealed record Targets(string Request, string Parent, Guid Photo, int Template, int OthersView, int Environment, int Streets);

    [Theory, BothDatabases]
    public async Task Each_triage_route_answers_each_kind_of_visitor_as_expected(TestDatabase db)
    {
        var app = await fixture.For(db);
        var owner = await app.CreateStaffAsync(StaffRoles.Agent);
        var othersView = await app.WithDbAsync(async d =>
        {
            var view = new SavedView { UserId = owner.Id, Name = "Someone else's", Query = "Status=closed", CreatedAt = DateTimeOffset.UtcNow };
            d.SavedViews().Add(view);
            await d.SaveChangesAsync();
            return view.Id;
        });
        var visitors = new[]
        {
            new Visitor("anonymous", null, false, false, false),
            new Visitor("resident", await app.CreateResidentAsync(), false, false, false),
            new Visitor("agent of the department", await app.CreateStaffAsync(StaffRoles.Agent, TriageKit.Streets), true, false, false),
            new Visitor("agent of another department", await app.CreateStaffAsync(StaffRoles.Agent, TriageKit.Environment), false, false, false),
            new Visitor("manager of the department", await app.CreateStaffAsync(StaffRoles.DepartmentManager, TriageKit.Streets), true, true, false),
            new Visitor("manager of another department", await app.CreateStaffAsync(StaffRoles.DepartmentManager, TriageKit.Environment), false, false, true),
            new Visitor("administrator", await app.CreateStaffAsync(StaffRoles.Administrator), true, true, true),
        };
        var failures = new List<string>();
        foreach (var visitor in visitors)
        {
            var t = await TargetsAsync(app, othersView);
            using var session = app.NewSession("en-US");
            if (visitor.Person is not null)
            {
                await session.SignInAsync(visitor.Person);
            }
            foreach (var (method, route, fields, expected) in Checks(visitor, t))
            {
                using var response = method == "GET"
                    ? await session.Client.GetAsync(new Uri(route, UriKind.Relative))
                    : await session.PostRawAsync(route, [.. fields, new("__RequestVerificationToken", await TokenAsync(session))]);
                var actual = Classify(response);
                if (actual != expected)
                {
                    failures.Add($"{visitor.Name} {method} {route}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
            if (!visitor.WorksHere)
            {
                // Allowed to post the bulk form, but the other department's request did not change.
                Assert.Null(await app.WithDbAsync(d => d.Requests().Where(r => r.Number == t.Request).Select(r => r.AssignedToUserId).SingleAsync()));
                Assert.Equal(RequestStatus.Received, await app.WithDbAsync(d => d.Requests().Where(r => r.Number == t.Request).Select(r => r.Status).SingleAsync()));
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static IEnumerable<(string Method, string Route, KeyValuePair<string, string>[] Fields, Expect Expected)> Checks(Visitor v, Targets t)
    {
        Expect Staff(Expect whenStaff) => v.IsStaff ? whenStaff : v.Outsider;
        var onRequest = Staff(v.WorksHere ? Expect.Ok : Expect.NotFound);
        var actOnRequest = Staff(v.WorksHere ? Expect.Done : Expect.NotFound);
        var onTemplate = Staff(v.ManagesHere ? Expect.Ok : Expect.NotFound);
        var actOnTemplate = Staff(v.ManagesHere ? Expect.Done : Expect.NotFound);
        var manages = Staff(v.ManagesHere || v.ManagesElsewhere ? Expect.Ok : Expect.Forbidden);
        var request = $"/Staff/Requests/{t.Request}";
        var template = $"/Staff/Requests/Templates/Edit/{t.Template}";
        static KeyValuePair<string, string> F(string name, string value) => new(name, value);
        var streets = t.Streets.ToString(CultureInfo.InvariantCulture);
        KeyValuePair<string, string>[] templateFields = [F("Input.DepartmentId", streets), F("Input.TitleEn", "Matrix"), F("Input.TitleEs", "Matriz"), F("Input.BodyEn", "Body"), F("Input.BodyEs", "Cuerpo")];

        yield return ("GET", "/Staff/Requests", [], Staff(Expect.Ok));
        yield return ("GET", $"/Staff/Requests?Status=all&Sort=due&Dir=asc&Q={t.Request}", [], Staff(Expect.Ok));
        yield return ("GET", request, [], onRequest);
        yield return ("GET", $"{request}?template={t.Template}", [], onRequest);
        yield return ("GET", $"{request}?handler=Photo&photo={t.Photo:N}&thumbnail=true", [], onRequest);
        yield return ("GET", "/Staff/Requests/Templates", [], manages);
        yield return ("GET", "/Staff/Requests/Templates/Create", [], manages);
        yield return ("GET", template, [], onTemplate);
        yield return ("POST", "/Staff/Requests?handler=Bulk", [F("operation", "assign"), F("BulkAssignee", "me"), F("Selected", t.Request)], Staff(Expect.Done));
        yield return ("POST", "/Staff/Requests?handler=Bulk", [F("operation", "status"), F("BulkStatus", "InProgress"), F("Selected", t.Request)], Staff(Expect.Done));
        yield return ("POST", "/Staff/Requests?handler=SaveView&Status=closed", [F("ViewName", "Matrix")], Staff(Expect.Done));
        yield return ("POST", $"/Staff/Requests?handler=DeleteView&id={t.OthersView}", [], Staff(Expect.NotFound));
        yield return ("POST", $"{request}?handler=Update", [F("Update.Status", "Investigating"), F("Update.Note", "Matrix")], actOnRequest);
        yield return ("POST", $"{request}?handler=Note", [F("Note.Text", "Matrix")], actOnRequest);
        yield return ("POST", $"{request}?handler=Assign", [F("Assign.UserId", "")], actOnRequest);
        yield return ("POST", $"{request}?handler=Priority", [F("Priority.Value", "High")], actOnRequest);
        yield return ("POST", $"{request}?handler=Photo", [F("photo", t.Photo.ToString("N")), F("isPublic", "false")], actOnRequest);
        yield return ("POST", $"{request}?handler=Merge", [F("Merge.ParentNumber", t.Parent)], actOnRequest);
        yield return ("POST", $"/Staff/Requests/{t.Parent}?handler=Reroute", [F("Reroute.DepartmentId", t.Environment.ToString(CultureInfo.InvariantCulture)), F("Reroute.Reason", "Matrix")], actOnRequest);
        yield return ("POST", "/Staff/Requests/Templates/Create", templateFields,
            Staff(v.ManagesHere ? Expect.Done : v.ManagesElsewhere ? Expect.Refused : Expect.Forbidden));
        yield return ("POST", template, templateFields, actOnTemplate);
        yield return ("POST", $"{template}?handler=Delete", [], actOnTemplate);
    }

    private static async Task<Targets> TargetsAsync(CiudadApp app, int othersView)
    {
        var request = await app.PotholeAsync(TriageKit.Marker());
        var parent = await app.PotholeAsync(TriageKit.Marker());
        var photo = Guid.NewGuid();
        var streets = await app.DepartmentIdAsync(TriageKit.Streets);
        var environment = await app.DepartmentIdAsync(TriageKit.Environment);
        var template = await app.WithDbAsync(async d =>
        {
            d.RequestPhotos().Add(new RequestPhoto { Id = photo, RequestId = request.Id, ContentType = "image/jpeg", Content = [1], Thumbnail = [2], UploadedAt = DateTimeOffset.UtcNow });
            var t = new ResponseTemplate { DepartmentId = streets, Title = LocalizedText.Of("T", "P"), Body = LocalizedText.Of("Body", "Cuerpo") };
            d.ResponseTemplates().Add(t);
            await d.SaveChangesAsync();
            return t.Id;
        });
        return new Targets(request.Number, parent.Number, photo, template, othersView, environment, streets);
    }

    /// <summary>The layout's language form carries an antiforgery token for this visitor, signed in or not.</summary>
    private static async Task<string> TokenAsync(WebSession session) =>
        (await session.GetAsync("/")).Find("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No antiforgery token on the home page.");

    private static Expect Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        return (int)response.StatusCode switch
        {
            200 => Expect.Ok,
            400 => Expect.Refused,
            403 => Expect.Forbidden,
            404 => Expect.NotFound,
            302 when location.Contains("/Errors/403", StringComparison.Ordinal) => Expect.Forbidden,
            302 when location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => Expect.SignIn,
            302 when location.StartsWith("/Staff/", StringComparison.Ordinal) => Expect.Done,
            _ => (Expect)(-1),
        };
    }
}
