using System.Globalization;
using System.Net;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>
/// Lists for clients that do not page (FixMyStreet asks for the last hour and expects all of it)
/// and paging signals for those that do.
/// </summary>
public sealed class RequestPagingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task A_date_range_without_page_size_returns_the_whole_range(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = Open311Data.Marker();
        var start = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        for (var i = 0; i < 55; i++)
        {
            await app.CreateRequestAsync(r => r with { Description = $"Pothole {marker} {i}" });
        }

        var lastHour = await app.Open311GetAsync($"/requests.xml?start_date={start}&q={marker}");
        var defaultWindow = await app.Open311GetAsync($"/requests.json?q={marker}");

        Assert.Equal(55, lastHour.Requests("xml").Count);
        Assert.Equal(50, defaultWindow.Ids().Count); // no range: the first page, and the headers say there is more
        Assert.Equal("55", defaultWindow.Headers.GetValues("X-Total-Count").Single());
        Assert.Contains("rel=\"next\"", string.Join(",", defaultWindow.Headers.GetValues("Link")), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Paged_answers_carry_a_total_and_links_and_a_page_past_the_end_is_empty(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = Open311Data.Marker();
        for (var i = 0; i < 5; i++)
        {
            await app.CreateRequestAsync(r => r with { Description = $"Pothole {marker} {i}" });
        }

        var first = await app.Open311GetAsync($"/requests.json?q={marker}&page_size=2");
        var last = await app.Open311GetAsync($"/requests.json?q={marker}&page_size=2&page=3");
        var past = await app.Open311GetAsync($"/requests.xml?q={marker}&page_size=2&page=40");

        Assert.Equal("5", first.Headers.GetValues("X-Total-Count").Single());
        var links = Links(first);
        Assert.Equal(2, Query(links["next"])["page"]);
        Assert.Equal(marker, Query(links["next"])["q"]);
        Assert.Equal(1, Query(links["first"])["page"]);
        Assert.Equal(3, Query(links["last"])["page"]);
        Assert.False(links.ContainsKey("prev"));

        Assert.Single(last.Ids());
        Assert.False(Links(last).ContainsKey("next"));
        Assert.Equal(2, Query(Links(last)["prev"])["page"]);

        Assert.Equal(HttpStatusCode.OK, past.Status);
        Assert.Empty(past.Requests("xml"));
        Assert.Equal("5", past.Headers.GetValues("X-Total-Count").Single());
    }

    private static Dictionary<string, Uri> Links(Open311Response response) =>
        string.Join(",", response.Headers.GetValues("Link")).Split(',', StringSplitOptions.TrimEntries)
            .Select(l => l.Split(';', StringSplitOptions.TrimEntries))
            .ToDictionary(p => p[1]["rel=\"".Length..^1], p => new Uri(p[0][1..^1]));

    private static Dictionary<string, object> Query(Uri link) =>
        link.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0],
            p => int.TryParse(p[1], CultureInfo.InvariantCulture, out var n) ? n : (object)Uri.UnescapeDataString(p[1]));
}
