using System.Net;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using ImageMagick;
using Microsoft.EntityFrameworkCore;
using static Ciudad.Web.Tests.Report.ReportKit;

namespace Ciudad.Web.Tests.Report;

/// <summary>A resident reports a problem through real HTTP, as a browser without JavaScript would.</summary>
public sealed class ReportJourneyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task A_resident_finds_bache_in_spanish_gives_an_address_answers_adds_a_photo_and_gets_a_number_and_an_email(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("vecina");
        using var resident = app.NewSession("es-MX");

        var search = await resident.GetAsync("/report?Search=bache");
        var pothole = search.FindAll("#results-heading ~ ul a").Single();
        Assert.Equal("Bache", pothole.TextContent.Trim());

        var location = await resident.GetAsync(pothole.GetAttribute("href")!);
        Assert.Equal("¿Dónde está el problema?", location.H1);
        var details = await resident.SubmitAsync(location, new Dictionary<string, string>
        {
            ["Input.Address"] = "Mesa St y Executive Center Blvd",
            ["Input.Zipcode"] = "79902",
        });
        Assert.Equal("/report/details", details.Url.AbsolutePath);
        Assert.Equal("Cuéntenos del problema", details.H1);
        Assert.Contains("¿De qué tamaño es? (obligatorio)", details.Text, StringComparison.Ordinal);

        var afterUpload = await resident.SubmitMultipartAsync(details,
            [new("Input.Description", "Un bache hondo frente a la tienda"), new("Input.Answers[size]", "medium")],
            [new Upload("Photos", "IMG_0001.jpg", "image/jpeg", JpegWithGps())], handler: "Upload");
        Assert.Equal(HttpStatusCode.OK, afterUpload.StatusCode);
        Assert.Single(afterUpload.FindAll(".ciudad-photo img"));
        Assert.Equal("Un bache hondo frente a la tienda", afterUpload.Find("#Input-Description")!.TextContent);

        var contact = await resident.SubmitMultipartAsync(afterUpload,
            [new("Input.Answers[in_lane]", "yes"), new("Input.Answers[depth_inches]", "3,5")], []);
        Assert.Equal("Sus datos de contacto", contact.H1);
        var check = await resident.SubmitAsync(contact, new Dictionary<string, string>
        {
            ["Input.Name"] = "Lupita Vecina",
            ["Input.Email"] = email,
        });
        Assert.Equal("Revise su reporte antes de enviarlo", check.H1);
        Assert.Contains("Como una llanta de carro", check.Text, StringComparison.Ordinal);
        Assert.Contains("1 foto", check.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("(s)", check.Text, StringComparison.Ordinal);

        var confirmation = await resident.SubmitAsync(check);
        Assert.Equal("Reporte enviado", confirmation.H1);
        var shown = confirmation.Find(".ciudad-request-number")!.TextContent.Trim();
        var number = RequestNumbers.Normalize(shown)!;
        Assert.Equal(RequestNumbers.Format(number), shown);
        Assert.Contains("Le mandamos un correo de confirmación", confirmation.Text, StringComparison.Ordinal);
        Assert.NotNull(confirmation.Find($"a[href='/requests/{number}']"));

        var stored = await app.WithDbAsync(d => d.Requests().Include(r => r.Answers).Include(r => r.Photos).Include(r => r.Service)
            .SingleAsync(r => r.Number == number));
        Assert.Equal("pothole", stored.Service!.Code);
        Assert.Equal("Mesa St y Executive Center Blvd", stored.Address);
        Assert.Equal("79902", stored.Zipcode);
        Assert.Null(stored.Latitude);
        Assert.Equal("es", stored.ReporterCulture);
        Assert.Equal("Lupita Vecina", stored.ReporterName);
        Assert.Equal(["depth_inches=3.5", "in_lane=yes", "size=medium"],
            stored.Answers.Select(a => $"{a.AttributeCode}={a.Value}").Order(StringComparer.Ordinal));
        var photo = Assert.Single(stored.Photos);
        using (var image = new MagickImage(photo.Content))
        {
            Assert.Null(image.GetExifProfile());
        }

        var mail = await app.Mailbox.WaitForAsync(email);
        Assert.StartsWith("Recibimos su solicitud " + RequestNumbers.Format(number), mail.Subject, StringComparison.Ordinal);

        // The back button after sending: the check page shows the confirmation, never a second report.
        var back = await resident.GetAsync("/report/check");
        Assert.Equal("/report/confirmation", back.Url.AbsolutePath);
        Assert.Equal(1, await app.WithDbAsync(d => d.Requests().CountAsync(r => r.ReporterEmail == email)));
    }

    [Theory, BothDatabases]
    public async Task A_missing_required_answer_and_a_text_file_named_jpg_are_refused_with_400_in_the_persons_language(TestDatabase db)
    {
        var app = await fixture.For(db);
        using var resident = app.NewSession("es");
        var location = await resident.GetAsync("/report/location?service=pothole");
        var details = await resident.SubmitAsync(location, new Dictionary<string, string> { ["Input.Address"] = "Montana Ave y Piedras St" });

        var refused = await resident.SubmitMultipartAsync(details, [],
            [new Upload("Photos", "foto.jpg", "image/jpeg", "no soy una foto"u8.ToArray())]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("Error:", refused.Title, StringComparison.Ordinal);
        Assert.Contains("Elija una respuesta: ¿De qué tamaño es?", refused.Errors);
        Assert.Contains("“foto.jpg” no es una foto. Elija un archivo JPEG, PNG, WebP o HEIC", refused.Errors);
        Assert.NotNull(refused.Find("#Input-Answers-size-"));
        Assert.Empty(refused.FindAll(".ciudad-photo"));
    }

    [Theory, BothDatabases]
    public async Task Multiple_choice_and_date_time_answers_are_stored_as_open311_values_in_city_time(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("dumping");
        using var resident = app.NewSession("en-US");
        var location = await resident.GetAsync("/report/location?service=illegal-dumping");
        var details = await resident.SubmitAsync(location, new Dictionary<string, string> { ["Input.Address"] = "Alley behind 1200 Texas Ave" });

        var missingTime = await resident.SubmitMultipartAsync(details,
            [new("Input.Choices[items]", "tires"), new("Input.Choices[items]", "furniture"), new("Input.Dates[seen_at]", "2026-11-20")], []);
        Assert.Equal(HttpStatusCode.BadRequest, missingTime.StatusCode);
        Assert.Contains("Enter the time too: If you saw it being dumped, when? (date and time)", missingTime.Errors);
        Assert.Equal(2, missingTime.FindAll("input[name='Input.Choices[items]']:checked").Length);

        var contact = await resident.SubmitMultipartAsync(missingTime, [new("Input.Times[seen_at]", "14:30")], []);
        var check = await resident.SubmitAsync(contact, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.NotifyByEmail"] = "false" });
        Assert.Contains("Furniture or mattresses, Tires", check.Text, StringComparison.Ordinal);
        Assert.Contains("Nov 20, 2026, 2:30 PM", check.Text, StringComparison.Ordinal);
        var confirmation = await resident.SubmitAsync(check);

        var number = RequestNumbers.Normalize(confirmation.Find(".ciudad-request-number")!.TextContent)!;
        var stored = await app.WithDbAsync(d => d.Requests().Include(r => r.Answers).Include(r => r.Followers).SingleAsync(r => r.Number == number));
        Assert.Equal(["items=furniture", "items=tires", "seen_at=2026-11-20T14:30:00-07:00"],
            stored.Answers.Select(a => $"{a.AttributeCode}={a.Value}").Order(StringComparer.Ordinal));
        Assert.Empty(stored.Followers); // the reporter asked for no update emails
        Assert.Equal(email, stored.ReporterEmail);
    }

    [Theory, BothDatabases]
    public async Task A_point_outside_the_city_is_refused_with_400_and_says_whom_to_contact(TestDatabase db)
    {
        var app = await fixture.For(db);
        using var resident = app.NewSession("es");
        var location = await resident.GetAsync("/report/location?service=streetlight");

        var refused = await resident.SubmitAsync(location, new Dictionary<string, string>
        {
            ["Input.Latitude"] = "31.7000",
            ["Input.Longitude"] = "-106.0000", // east of the city limits
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = Assert.Single(refused.Errors);
        Assert.StartsWith("Ese lugar está fuera de los límites de la ciudad", error, StringComparison.Ordinal);
        Assert.Contains("TxDOT", error, StringComparison.Ordinal);
        Assert.Equal("#Map", refused.Find(".ciudad-error-summary a")!.GetAttribute("href"));
    }

    [Theory, BothDatabases]
    public async Task A_neighbour_follows_a_nearby_open_request_instead_of_filing_a_duplicate(TestDatabase db)
    {
        var app = await fixture.For(db);
        var existing = await app.CreateRequestAsync(r => r with
        {
            ServiceCode = "graffiti",
            Latitude = 31.7600,
            Longitude = -106.4869,
            Description = "Tagging on the wall of the library",
            Name = "Rosa Reporter",
            Email = "rosa.reporter@example.test",
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["surface"] = ["wall"] },
        });
        var email = TestPeople.UniqueEmail("neighbour");
        using var neighbour = app.NewSession("en-US");
        var location = await neighbour.GetAsync("/report/location?service=graffiti");

        var nearby = await neighbour.SubmitAsync(location, new Dictionary<string, string>
        {
            ["Input.Latitude"] = "31.7604", // about 45 m north
            ["Input.Longitude"] = "-106.4869",
        });
        Assert.Equal("/report/nearby", nearby.Url.AbsolutePath);
        Assert.Contains("Request " + RequestNumbers.Format(existing.Number), nearby.Text, StringComparison.Ordinal);
        Assert.Contains("About 150 ft away", nearby.Text, StringComparison.Ordinal); // a US city: feet, not metres
        Assert.Contains("Tagging on the wall of the library", nearby.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("rosa.reporter", nearby.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Rosa Reporter", nearby.Html, StringComparison.Ordinal);

        var follow = await neighbour.GetAsync(nearby.Find($"a[href='/report/follow/{existing.Number}']")!.GetAttribute("href")!);
        var invalid = await neighbour.SubmitAsync(follow, new Dictionary<string, string> { ["Input.Email"] = "not-an-email" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var followed = await neighbour.SubmitAsync(invalid, new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal("Check your email", followed.H1);
        Assert.Contains("One more step to follow request " + RequestNumbers.Format(existing.Number), followed.Text, StringComparison.Ordinal);
        var follower = await app.WithDbAsync(d => d.RequestFollowers().SingleAsync(f => f.Email == email));
        Assert.Equal(existing.Id, follower.RequestId);
        Assert.Equal("en", follower.Culture);
        Assert.Null(follower.ConfirmedAt);
        // The emailed link finishes it.
        var link = Mailbox.LinkIn(await app.Mailbox.WaitForAsync(email), "/requests/follow/confirm/");
        var confirmed = await neighbour.SubmitAsync(await neighbour.GetAsync(link));
        Assert.Contains("We will email you each time request " + RequestNumbers.Format(existing.Number), confirmed.Text, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_signed_in_resident_finds_their_email_filled_in_and_the_report_is_linked_to_their_account(TestDatabase db)
    {
        var app = await fixture.For(db);
        var resident = await app.CreateResidentAsync();
        using var session = app.NewSession();
        await session.SignInAsync(resident);
        var location = await session.GetAsync("/report/location?service=sidewalk");
        var details = await session.SubmitAsync(location, new Dictionary<string, string> { ["Input.Address"] = "Stanton St y Yandell Dr" });

        var contact = await session.SubmitMultipartAsync(details, [new("Input.Description", "Banqueta levantada")], []);
        Assert.Equal(resident.Email, contact.Find("#Input-Email")!.GetAttribute("value"));
        var check = await session.SubmitAsync(contact);
        var confirmation = await session.SubmitAsync(check);

        var number = RequestNumbers.Normalize(confirmation.Find(".ciudad-request-number")!.TextContent)!;
        var stored = await app.WithDbAsync(d => d.Requests().SingleAsync(r => r.Number == number));
        Assert.Equal(resident.Id, stored.ReporterUserId);
        Assert.Equal(resident.Email, stored.ReporterEmail);
    }

    [Fact]
    public async Task Sending_a_report_is_a_public_post_under_the_rate_limit()
    {
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["Ciudad:Security:PublicPostsPerMinute"] = "2",
        });
        using var visitor = app.NewSession();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await visitor.PostRawAsync("/report/check", []);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
