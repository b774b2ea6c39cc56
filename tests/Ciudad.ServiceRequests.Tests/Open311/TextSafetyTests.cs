using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>What an Open311 client sends is cleaned at intake, and what Ciudad answers is safe to paste anywhere.</summary>
public sealed class TextSafetyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task A_post_with_noncharacters_and_overrides_is_stored_clean_and_every_format_still_parses(TestDatabase db)
    {
        var app = await fixture.For(db);
        var key = await app.NewApiKeyAsync();
        var marker = Open311Data.Marker();
        var fields = Open311Kit.PotholeFields(key, $"Hole\uFFFF\u202E {marker}");
        fields.Add(new("address_string", $"100 N Oregon\uFFFF\u0001 St"));

        var posted = await app.Open311PostAsync("json", fields);
        var json = await app.Open311GetAsync($"/requests.json?q={marker}");
        var xml = await app.Open311GetAsync($"/requests.xml?q={marker}");

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        var stored = await app.WithDbAsync(d => d.Requests().AsNoTracking().SingleAsync(r => r.Description!.Contains(marker)));
        Assert.Equal($"Hole {marker}", stored.Description);
        Assert.Equal("100 N Oregon St", stored.Address);
        json.AssertWellFormed("json");
        xml.AssertWellFormed("xml");
    }

    [Theory, BothDatabases]
    public async Task Markup_in_a_report_is_escaped_in_json_and_letters_stay_readable(TestDatabase db)
    {
        var app = await fixture.For(db);
        var marker = Open311Data.Marker();
        await app.CreateRequestAsync(r => r with { Description = $"<script>alert('x')</script> & \"señal\" {marker}" });

        var json = await app.Open311GetAsync($"/requests.json?q={marker}");

        json.AssertWellFormed("json");
        Assert.DoesNotContain("<script>", json.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("'x'", json.Body, StringComparison.Ordinal);
        Assert.Contains("\\u003Cscript\\u003E", json.Body, StringComparison.Ordinal);
        Assert.Contains("señal", json.Body, StringComparison.Ordinal);
        var description = json.Json.EnumerateArray().Single().GetProperty("description").GetString();
        Assert.Equal($"<script>alert('x')</script> & \"señal\" {marker}", description);
    }
}
