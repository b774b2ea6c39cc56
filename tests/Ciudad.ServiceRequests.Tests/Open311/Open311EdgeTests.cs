using System.Net;
using Ciudad.ServiceRequests.Open311;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>Inputs at the edges (the calendar's first and last days, very long addresses) are the client's 400/414 in its format.</summary>
public sealed class Open311EdgeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Dates_at_the_ends_of_the_calendar_are_400_error_lists_naming_the_range_not_500(TestDatabase db)
    {
        var app = await fixture.For(db);

        foreach (var format in new[] { "xml", "json" })
        {
            foreach (var call in new[]
            {
                $"/servicerequestupdates.{format}?end_date=0001-01-01",
                $"/servicerequestupdates.{format}?start_date=9999-12-31T23:59:59",
                $"/requests.{format}?start_date=0001-01-01",
                $"/requests.{format}?end_date=9999-12-31T23:59:59",
                $"/requests.{format}?updated_before=9999-12-31",
            })
            {
                var response = await app.Open311GetAsync(call);

                var description = Assert.Single(response.AssertErrors(format, HttpStatusCode.BadRequest));
                Assert.Contains("from 1900-01-01 to 9998-12-31", description, StringComparison.Ordinal);
            }
        }
    }

    [Theory, BothDatabases]
    public async Task A_too_long_address_is_a_414_error_list_in_the_requested_format(TestDatabase db)
    {
        var app = await fixture.For(db);
        var longQuery = "?service_code=" + new string('a', Open311EdgeErrors.MaxRequestTargetLength);

        foreach (var format in new[] { "xml", "json" })
        {
            var response = await app.Open311GetAsync($"/requests.{format}{longQuery}");

            var description = Assert.Single(response.AssertErrors(format, (HttpStatusCode)414));
            Assert.Contains("longer than 8192 characters", description, StringComparison.Ordinal);
        }
        // Elsewhere the same limit answers with the site's error page, not Kestrel's empty 414.
        using var visitor = app.NewSession();
        var page = await visitor.GetAsync("/requests" + longQuery);
        Assert.Equal((HttpStatusCode)414, page.StatusCode);
        Assert.NotEqual("", page.H1);
    }
}
