using System.Globalization;
using System.Net;
using Ciudad.ServiceRequests.Requests;

namespace Ciudad.Web.Tests.Track;

/// <summary>The public page of one request: what it shows, and what it must never show.</summary>
public sealed class TrackPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Public_page_shows_status_and_public_timeline_but_no_personal_data_or_internal_notes(TestDatabase db)
    {
        var app = await fixture.For(db);
        var email = TestPeople.UniqueEmail("reporter");
        var request = await app.CreateRequestAsync(r => r with { Name = "Rosalinda Quintero", Email = email, Phone = "915-555-0142", Address = "300 N Campbell St" });
        await app.AddInternalNoteAsync(request, "Resident is a relative of the crew chief");
        await app.PublishAsync(request, RequestStatus.ActionScheduled, "Crew scheduled for Tuesday morning.");

        var page = await app.NewSession().GetAsync(RequestLinks.Track(request.Number));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Pothole", page.H1);
        Assert.Contains(request.Display(), page.Text, StringComparison.Ordinal);
        Assert.Equal("Work scheduled", page.Find(".usa-tag")!.TextContent.Trim());
        Assert.Contains("The work is scheduled.", page.Text, StringComparison.Ordinal);
        Assert.Contains("300 N Campbell St", page.Text, StringComparison.Ordinal);
        var timeline = page.FindAll(".ciudad-timeline li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, timeline.Count);
        Assert.Contains("Request received", timeline[0], StringComparison.Ordinal);
        Assert.Contains("Crew scheduled for Tuesday morning.", timeline[1], StringComparison.Ordinal);
        foreach (var secret in new[] { "Rosalinda", "Quintero", email, "915-555-0142", "relative of the crew chief", "Staffer Secretname" })
        {
            Assert.DoesNotContain(secret, page.Html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory, BothDatabases]
    public async Task Spanish_visitor_reads_the_page_in_spanish_with_city_time(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.CreateRequestAsync();

        var page = await app.NewSession("es-MX").GetAsync(RequestLinks.Track(request.Number));

        Assert.Equal("Bache", page.H1);
        Assert.Equal("Recibida", page.Find(".usa-tag")!.TextContent.Trim());
        Assert.Contains("Solicitud recibida", page.Find(".ciudad-timeline")!.TextContent, StringComparison.Ordinal);
        var denver = TimeZoneInfo.ConvertTime(request.RequestedAt, TimeZoneInfo.FindSystemTimeZoneById("America/Denver"));
        Assert.Contains(denver.ToString("d MMM yyyy, h:mm", CultureInfo.GetCultureInfo("es-US")), page.Text, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_typed_number_in_any_form_redirects_to_the_canonical_page(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.CreateRequestAsync();
        using var visitor = app.NewSession();

        using var response = await visitor.Client.GetAsync(new Uri($"/requests/{request.Display().ToLowerInvariant()}", UriKind.Relative));
        var followed = await visitor.GetAsync($"/requests/{request.Display().ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(RequestLinks.Track(request.Number), response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal(RequestLinks.Track(request.Number), followed.Url.AbsolutePath);
    }

    [Theory, BothDatabases]
    public async Task Hidden_service_is_not_found_by_the_public_but_its_signed_in_reporter_sees_it(TestDatabase db)
    {
        var app = await fixture.For(db);
        var reporter = await app.CreateResidentAsync();
        var request = await app.CreateRequestAsync(r => r with
        {
            ServiceCode = "animal-bite",
            ReporterUserId = reporter.Id,
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["bitten_at"] = ["2026-11-20T10:00:00-07:00"],
                ["animal_description"] = ["Brown dog, no collar"],
            },
        });
        using var reporterSession = app.NewSession();
        await reporterSession.SignInAsync(reporter);

        var anonymous = await app.NewSession().GetAsync(RequestLinks.Track(request.Number));
        var own = await reporterSession.GetAsync(RequestLinks.Track(request.Number));

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.DoesNotContain(request.Display(), anonymous.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Coarsened_service_shows_an_approximate_place_without_the_street_address_or_description(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.CreateRequestAsync(r => r with
        {
            ServiceCode = "weeds-vacant-lot",
            Latitude = 31.76123,
            Longitude = -106.48512,
            Address = "1234 Private Home Ln",
            Description = "The house at 1234 Private Home Ln",
            Answers = new Dictionary<string, IReadOnlyList<string>>(),
        });

        var page = await app.NewSession().GetAsync(RequestLinks.Track(request.Number));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("Private Home", page.Html, StringComparison.Ordinal);
        Assert.Contains("Approximate location", page.Text, StringComparison.Ordinal);
        var map = page.Find("[data-request-map]")!;
        var lat = double.Parse(map.GetAttribute("data-lat")!, CultureInfo.InvariantCulture);
        var lon = double.Parse(map.GetAttribute("data-lon")!, CultureInfo.InvariantCulture);
        Assert.Equal("true", map.GetAttribute("data-approximate"));
        Assert.NotEqual((31.76123, -106.48512), (lat, lon));
        Assert.InRange(Math.Abs(lat - 31.76123), 0, 0.005);
        Assert.DoesNotContain("31.76123", page.Html, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Merged_request_says_so_and_links_to_the_parent(TestDatabase db)
    {
        var app = await fixture.For(db);
        var parent = await app.CreateRequestAsync();
        var child = await app.CreateRequestAsync();
        await app.MergeAsync(child, into: parent);
        await app.PublishAsync(child, RequestStatus.Duplicate, null, RequestEventKind.MergedInto);

        var page = await app.NewSession().GetAsync(RequestLinks.Track(child.Number));

        Assert.Contains("This request was merged", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Find($"main a[href='{RequestLinks.Track(parent.Number)}']"));
        Assert.Null(page.Find("#fixed-heading"));
    }

    [Theory, BothDatabases]
    public async Task Public_photo_is_served_as_jpeg_and_hidden_photos_and_hidden_services_are_not(TestDatabase db)
    {
        var app = await fixture.For(db);
        var request = await app.CreateRequestAsync();
        var shown = await app.AddPhotoAsync(request);
        var hidden = await app.AddPhotoAsync(request, isPublic: false);
        var coarsened = await app.CreateRequestAsync(r => r with { ServiceCode = "abandoned-vehicle", Answers = new Dictionary<string, IReadOnlyList<string>>() });
        var coarsenedPhoto = await app.AddPhotoAsync(coarsened);
        using var visitor = app.NewSession();

        using var photo = await visitor.Client.GetAsync(new Uri(RequestLinks.Photo(request.Number, shown), UriKind.Relative));
        using var thumbnail = await visitor.Client.GetAsync(new Uri(RequestLinks.Thumbnail(request.Number, shown), UriKind.Relative));
        using var hiddenPhoto = await visitor.Client.GetAsync(new Uri(RequestLinks.Photo(request.Number, hidden), UriKind.Relative));
        using var wrongRequest = await visitor.Client.GetAsync(new Uri(RequestLinks.Photo(coarsened.Number, shown), UriKind.Relative));
        using var sensitive = await visitor.Client.GetAsync(new Uri(RequestLinks.Photo(coarsened.Number, coarsenedPhoto), UriKind.Relative));
        var page = await visitor.GetAsync(RequestLinks.Track(request.Number));

        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", photo.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(photo.Headers.CacheControl!.Public);
        Assert.Equal(9, (await photo.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(8, (await thumbnail.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.NotFound, hiddenPhoto.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongRequest.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sensitive.StatusCode);
        var link = Assert.Single(page.FindAll(".ciudad-photos a"));
        Assert.Equal(RequestLinks.Photo(request.Number, shown), link.GetAttribute("href"));
        Assert.Equal(RequestLinks.Thumbnail(request.Number, shown), link.QuerySelector("img")!.GetAttribute("src"));
    }
}
