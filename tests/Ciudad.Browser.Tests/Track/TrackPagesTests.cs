using Ciudad.Platform.Data;
using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ciudad.Browser.Tests.Track;

/// <summary>Tracking and browsing in a browser, in both languages, checked with axe; and the "reporter reopens" journey.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TrackPagesTests(BrowserFixture browser)
{
    public static TheoryData<string> Languages => new() { "en-US", "es-MX" };

    [Theory, MemberData(nameof(Languages))]
    public async Task Request_page_list_map_and_my_requests_have_no_violations(string locale)
    {
        var app = browser.App;
        var resident = await app.CreateResidentAsync(culture: locale[..2]);
        var request = await app.CreateRequestAsync(r => r with { ReporterUserId = resident.Id, Email = resident.Email, Address = "300 N Campbell St" });
        await AddPhotoAsync(request);
        await PublishAsync(request, RequestStatus.InProgress, "Crew assigned.");
        var sensitive = await app.CreateRequestAsync(r => r with { ServiceCode = "weeds-vacant-lot", Answers = new Dictionary<string, IReadOnlyList<string>>() });
        var page = await NewPageAsync(locale);
        await page.SignInAsync(resident);

        foreach (var path in new[] { RequestLinks.Track(request.Number), RequestLinks.Track(sensitive.Number) })
        {
            await page.GotoAsync(path);
            // The map is an enhancement: JavaScript reveals it once Leaflet has drawn it.
            await Assertions.Expect(page.Locator("[data-request-map].leaflet-container")).ToBeVisibleAsync();
            await page.AssertNoViolationsAsync();
        }
        await page.GotoAsync("/requests");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync(RequestNumbers.Format(request.Number));
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/requests?number=ZZZ-ZZZZ");
        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeFocusedAsync();
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/requests/map");
        await Assertions.Expect(page.Locator(".leaflet-marker-icon, path.leaflet-interactive").First).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/requests/mine");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync(RequestNumbers.Format(request.Number));
        await page.AssertNoViolationsAsync();
        await page.GotoAsync(RequestLinks.Track(request.Number));
        await page.Locator("#Follow-Email").FillAsync("not an email");
        await page.Locator("form[action*='handler=Follow'] button").ClickAsync();
        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeFocusedAsync();
        await page.AssertNoViolationsAsync();
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task Reporter_reopens_a_closed_request_from_my_requests(string locale)
    {
        var app = browser.App;
        var spanish = locale.StartsWith("es", StringComparison.Ordinal);
        var resident = await app.CreateResidentAsync(culture: locale[..2]);
        var request = await app.CreateRequestAsync(r => r with { ReporterUserId = resident.Id, Email = resident.Email, Culture = locale[..2] });
        await PublishAsync(request, RequestStatus.Fixed, "Patched the hole.");
        var page = await NewPageAsync(locale, phone: true);
        await page.SignInAsync(resident);

        await page.GotoAsync("/requests/mine");
        await page.GetByRole(AriaRole.Link, new() { Name = RequestNumbers.Format(request.Number) }).ClickAsync();
        await Assertions.Expect(page.Locator("#fixed-heading")).ToHaveTextAsync(spanish ? "¿Ya se resolvió?" : "Is this fixed?");
        await page.GetByRole(AriaRole.Link, new() { Name = spanish ? "No se ha resuelto" : "It is not fixed" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = spanish ? "Reabrir la solicitud" : "Reopen request" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeFocusedAsync();
        await page.AssertNoViolationsAsync();
        await page.Locator("#Note-Text").FillAsync(spanish ? "El bache sigue ahí." : "The hole is still there.");
        await page.GetByRole(AriaRole.Button, new() { Name = spanish ? "Reabrir la solicitud" : "Reopen request" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(spanish ? "abierta de nuevo" : "open again");
        await Assertions.Expect(page.Locator(".usa-tag").First).ToHaveTextAsync(spanish ? "Reabierta" : "Reopened");
        await Assertions.Expect(page.Locator(".ciudad-timeline")).ToContainTextAsync(spanish ? "El bache sigue ahí." : "The hole is still there.");
        await page.AssertNoViolationsAsync();
        await app.Mailbox.WaitForAsync(resident.Email, m => (m.Subject ?? "").Contains(spanish ? "Reabierta" : "Reopened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_javascript_on_a_phone_the_request_page_says_where_in_words_and_follow_works()
    {
        var request = await browser.App.CreateRequestAsync(r => r with { Address = "500 W Paisano Dr" });
        // No script, so no map tiles to keep away: a plain page.
        var page = await browser.NewPageAsync("en-US", phone: true, javaScript: false);

        await page.GotoAsync(RequestLinks.Track(request.Number));
        await Assertions.Expect(page.Locator("[data-request-map]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("500 W Paisano Dr");
        await page.Locator("#Follow-Email").FillAsync(TestPeople.UniqueEmail("nojs"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Follow this request" }).ClickAsync();

        // (No axe here: axe runs as script, which this page has turned off.)
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Check your email");
    }

    /// <summary>A page whose map tiles are answered empty: tests never depend on the tile server.</summary>
    private async Task<IPage> NewPageAsync(string locale, bool phone = false, bool javaScript = true)
    {
        var page = await browser.NewPageAsync(locale, phone, javaScript);
        await page.RouteAsync(url => !url.StartsWith(browser.App.BaseAddress.ToString(), StringComparison.Ordinal),
            route => route.FulfillAsync(new RouteFulfillOptions { Status = 204 }));
        return page;
    }

    private Task PublishAsync(ServiceRequest request, RequestStatus status, string? note) =>
        browser.App.WithServicesAsync(async sp =>
        {
            var updates = sp.GetRequiredService<RequestUpdates>();
            updates.Publish((await updates.LoadAsync(request.Id))!, status, note, RequestEventKind.StatusChanged, null, "Test staff");
            await sp.GetRequiredService<CiudadDbContext>().SaveChangesAsync();
        });

    private Task AddPhotoAsync(ServiceRequest request) =>
        browser.App.WithServicesAsync(async sp =>
        {
            // A real JPEG through the real processor, so the thumbnail renders in the browser.
            var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGM4YaNBEmIY1TCqYfhqAAAeBCwQMwPSngAAAABJRU5ErkJggg==");
            var photo = (await sp.GetRequiredService<Ciudad.ServiceRequests.Photos.PhotoProcessor>().ProcessAsync(png)).Photo!;
            var db = sp.GetRequiredService<CiudadDbContext>();
            db.RequestPhotos().Add(new RequestPhoto
            {
                Id = Guid.NewGuid(), RequestId = request.Id, ContentType = photo.ContentType, Content = photo.Content,
                Thumbnail = photo.Thumbnail, Width = photo.Width, Height = photo.Height, UploadedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });
}
