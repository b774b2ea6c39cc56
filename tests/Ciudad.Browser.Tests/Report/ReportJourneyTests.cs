using Ciudad.ServiceRequests;
using Ciudad.ServiceRequests.Requests;
using ImageMagick;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ciudad.Browser.Tests.Report;

/// <summary>
/// "Report a problem" as people do it: on a phone with the map and their location, with
/// JavaScript off and an address, and following a neighbour's report instead of a duplicate.
/// Every step is checked with axe in both languages. Map tiles never load offline; the map still works.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReportJourneyTests(BrowserFixture browser)
{
    /// <summary>The words on buttons a person presses, per language.</summary>
    private sealed record Words(string Locale, string Search, string Continue, string AddPhotos, string Send, string Sent, string Follow, string CheckEmail, string Confirm, string Following);

    private static readonly Words English = new("en-US", "pothole", "Continue", "Add the chosen photos", "Send report", "Report sent", "Follow this one instead", "Check your email", "Yes, send me updates", "You are following this request");
    private static readonly Words Spanish = new("es-MX", "bache", "Continuar", "Agregar las fotos elegidas", "Enviar reporte", "Reporte enviado", "Seguir este reporte", "Revise su correo", "Sí, quiero recibir novedades", "Ya sigue esta solicitud");

    public static TheoryData<string> Languages => new() { "en", "es" };

    [Theory, MemberData(nameof(Languages))]
    public async Task On_a_phone_a_resident_places_the_pin_uses_their_location_adds_a_photo_and_sends(string language)
    {
        var words = language == "es" ? Spanish : English;
        // Each run its own spot, so the other run's pothole is not offered as a duplicate.
        var here = language == "es" ? (Lat: 31.8012, Lon: -106.4251) : (Lat: 31.7791, Lon: -106.3902);
        var page = await PhonePageAsync(words.Locale, here);

        await page.GotoAsync("/report");
        await page.AssertNoViolationsAsync();
        await page.FillAsync("#Search", words.Search);
        await page.ClickAsync("form[role=search] button[type=submit]");
        await page.AssertNoViolationsAsync();
        await page.ClickAsync("#results-heading ~ ul a[href*='service=pothole']");

        // The map appears (JavaScript is on); a tap places the pin and fills the hidden coordinates.
        var map = page.Locator("#Map");
        await Assertions.Expect(map).ToBeVisibleAsync();
        // With the map shown, the address hint mentions the pin (without JavaScript it does not).
        await Assertions.Expect(page.Locator("#Input-Address-hint")).ToContainTextAsync(language == "es" ? "mapa" : "map");
        await page.AssertNoViolationsAsync();
        await map.ClickAsync(new LocatorClickOptions { Position = new Position { X = 120, Y = 90 } });
        await Assertions.Expect(page.Locator("#report-latitude")).Not.ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("[data-map-status]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator(".leaflet-marker-icon")).ToHaveCountAsync(1);

        // "Use my location" moves the pin to where the phone is.
        await page.ClickAsync("[data-map-locate]");
        await Assertions.Expect(page.Locator("#report-latitude")).ToHaveValueAsync(here.Lat.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#report-longitude")).ToHaveValueAsync(here.Lon.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture));
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = words.Continue, Exact = true }).ClickAsync();

        Assert.Equal("/report/details", new Uri(page.Url).AbsolutePath);
        await page.AssertNoViolationsAsync();
        await page.ClickAsync("input[name='Input.Answers[size]'][value='large'] + label");
        await page.FillAsync("#Input-Description", language == "es" ? "Bache grande en el carril derecho" : "Large pothole in the right lane");
        await page.SetInputFilesAsync("#Photos", new FilePayload { Name = "IMG_2041.JPG", MimeType = "image/jpeg", Buffer = PhoneJpeg() });
        await page.GetByRole(AriaRole.Button, new() { Name = words.AddPhotos }).ClickAsync();
        await Assertions.Expect(page.Locator(".ciudad-photo img")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("input[name='Input.Answers[size]'][value='large']")).ToBeCheckedAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = words.Continue, Exact = true }).ClickAsync();

        Assert.Equal("/report/contact", new Uri(page.Url).AbsolutePath);
        await page.AssertNoViolationsAsync();
        var email = TestPeople.UniqueEmail("phone");
        await page.FillAsync("#Input-Email", email);
        await page.GetByRole(AriaRole.Button, new() { Name = words.Continue, Exact = true }).ClickAsync();

        Assert.Equal("/report/check", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator(".ciudad-photo img")).ToHaveCountAsync(1);
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = words.Send }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(words.Sent);
        await page.AssertNoViolationsAsync();
        var number = RequestNumbers.Normalize(await page.Locator(".ciudad-request-number").TextContentAsync())!;
        var stored = await browser.App.WithDbAsync(db => db.Requests().Include(r => r.Photos).SingleAsync(r => r.Number == number));
        Assert.Equal(here.Lat, stored.Latitude!.Value, 5);
        Assert.Equal(here.Lon, stored.Longitude!.Value, 5);
        Assert.Single(stored.Photos);
        Assert.Equal(language, stored.ReporterCulture);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task With_javascript_off_a_resident_reports_with_an_address(string language)
    {
        var words = language == "es" ? Spanish : English;
        var page = await browser.NewPageAsync(words.Locale, phone: true, javaScript: false);

        await page.GotoAsync("/report");
        await AssertNoViolationsWithoutJavaScriptAsync(page, words.Locale);
        await page.ClickAsync("a[href='/report/location?service=missed-pickup']");

        // No map without JavaScript: the address field is the way, and it is enough.
        await Assertions.Expect(page.Locator("#Map")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#Input-Address-hint")).Not.ToContainTextAsync(language == "es" ? "mapa" : "map");
        await AssertNoViolationsWithoutJavaScriptAsync(page, words.Locale);
        await page.GetByRole(AriaRole.Button, new() { Name = words.Continue, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeVisibleAsync();
        await AssertNoViolationsWithoutJavaScriptAsync(page, words.Locale);
        await page.FillAsync("#Input-Address", "5115 El Paso Dr");
        await page.FillAsync("#Input-Zipcode", "79905");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Continue, Exact = true }).ClickAsync();

        Assert.Equal("/report/details", new Uri(page.Url).AbsolutePath);
        await AssertNoViolationsWithoutJavaScriptAsync(page, words.Locale);
        await page.GetByRole(AriaRole.Button, new() { Name = words.Continue, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".ciudad-error-summary")).ToBeVisibleAsync();
        await AssertNoViolationsWithoutJavaScriptAsync(page, words.Locale);
        await page.ClickAsync("input[name='Input.Answers[cart]'][value='recycling'] + label");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Continue, Exact = true }).ClickAsync();

        Assert.Equal("/report/contact", new Uri(page.Url).AbsolutePath);
        await AssertNoViolationsWithoutJavaScriptAsync(page, words.Locale);
        await page.GetByRole(AriaRole.Button, new() { Name = words.Continue, Exact = true }).ClickAsync(); // anonymous

        await AssertNoViolationsWithoutJavaScriptAsync(page, words.Locale);
        await page.GetByRole(AriaRole.Button, new() { Name = words.Send }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(words.Sent);
        await AssertNoViolationsWithoutJavaScriptAsync(page, words.Locale);
        var number = RequestNumbers.Normalize(await page.Locator(".ciudad-request-number").TextContentAsync())!;
        var stored = await browser.App.WithDbAsync(db => db.Requests().SingleAsync(r => r.Number == number));
        Assert.Equal("5115 El Paso Dr", stored.Address);
        Assert.Null(stored.ReporterEmail);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task A_neighbour_follows_a_nearby_request_instead_of_reporting_it_again(string language)
    {
        var words = language == "es" ? Spanish : English;
        var here = language == "es" ? (Lat: 31.7690, Lon: -106.4450) : (Lat: 31.7702, Lon: -106.4601);
        var existing = await browser.App.CreateRequestAsync(r => r with
        {
            ServiceCode = "streetlight",
            Latitude = here.Lat + 0.0004,
            Longitude = here.Lon,
            Description = "Light out on the corner",
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["light_problem"] = ["out"] },
        });
        var page = await PhonePageAsync(words.Locale, here);

        await page.GotoAsync("/report/location?service=streetlight");
        await page.ClickAsync("[data-map-locate]");
        await Assertions.Expect(page.Locator("#report-latitude")).Not.ToHaveValueAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Continue, Exact = true }).ClickAsync();

        Assert.Equal("/report/nearby", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(RequestNumbers.Format(existing.Number));
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"{words.Follow} {RequestNumbers.Format(existing.Number)}" }).ClickAsync();

        await page.AssertNoViolationsAsync();
        var email = TestPeople.UniqueEmail("follower");
        await page.FillAsync("#Input-Email", email);
        await page.ClickAsync("main form button[type=submit]");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(words.CheckEmail);
        await page.AssertNoViolationsAsync();
        // The link in the email: a page that asks, then says it is done.
        var mail = await browser.App.Mailbox.WaitForAsync(email);
        await page.GotoAsync(Mailbox.LinkIn(mail, "/requests/follow/confirm/"));
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = words.Confirm }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(words.Following);
        await page.AssertNoViolationsAsync();
        var follower = await browser.App.WithDbAsync(db => db.RequestFollowers().SingleAsync(f => f.Email == email));
        Assert.Equal(existing.Id, follower.RequestId);
        Assert.Equal(language, follower.Culture);
        Assert.NotNull(follower.ConfirmedAt);
    }

    /// <summary>
    /// axe runs as a script, which a page with JavaScript off cannot run (Playwright waits forever).
    /// So the page exactly as served is copied, without its scripts and still marked "no-js", into
    /// a page that may run axe, on the same origin so the same styles apply.
    /// </summary>
    private async Task AssertNoViolationsWithoutJavaScriptAsync(IPage page, string locale)
    {
        var html = ScriptTag().Replace(await page.ContentAsync(), "");
        var checker = await browser.NewPageAsync(locale, phone: true);
        await checker.RouteAsync("**/copy-of-page", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = html }));
        await checker.GotoAsync("/copy-of-page");
        Assert.Equal("no-js", await checker.GetAttributeAsync("html", "class"));
        await checker.AssertNoViolationsAsync();
        await checker.Context.CloseAsync();
    }

    [System.Text.RegularExpressions.GeneratedRegex("<script\\b[^>]*>.*?</script>", System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ScriptTag();

    /// <summary>A phone-sized window that shares its position, with the (unreachable) tile server cut off quickly.</summary>
    private async Task<IPage> PhonePageAsync(string locale, (double Lat, double Lon) position)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.App.BaseAddress.ToString(),
            Locale = locale,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale },
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Permissions = ["geolocation"],
            Geolocation = new Geolocation { Latitude = (float)position.Lat, Longitude = (float)position.Lon, Accuracy = 10 },
        });
        await context.RouteAsync(url => !url.StartsWith(browser.App.BaseAddress.ToString(), StringComparison.Ordinal), route => route.AbortAsync());
        return await context.NewPageAsync();
    }

    private static byte[] PhoneJpeg()
    {
        using var image = new MagickImage(MagickColors.DarkSlateGray, 1200, 900);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(31, 1), new Rational(46, 1), new Rational(0, 1)]);
        image.SetProfile(exif);
        return image.ToByteArray(MagickFormat.Jpeg);
    }
}
