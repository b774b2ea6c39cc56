using System.Net;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>An address that keeps posting without a valid key is stopped before its bodies are read.</summary>
public sealed class RejectedKeyLimitTests
{
    [Fact]
    public async Task After_its_budget_of_rejected_keys_an_address_gets_429_in_the_requested_format_even_with_a_good_key()
    {
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite,
            new Dictionary<string, string?> { ["Ciudad:Open311:RejectedKeyPostsPerMinute"] = "3" });
        var good = await app.NewApiKeyAsync();

        var refused = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            refused.Add((await app.Open311PostAsync("json", Open311Kit.PotholeFields("c311_wrong"))).Status);
        }
        var blockedXml = await app.Open311PostAsync("xml", Open311Kit.PotholeFields("c311_wrong"));
        var blockedGood = await app.Open311PostAsync("json", Open311Kit.PotholeFields(good));

        Assert.All(refused, status => Assert.Equal(HttpStatusCode.Forbidden, status));
        Assert.Contains("without a valid api_key", Assert.Single(blockedXml.AssertErrors("xml", (HttpStatusCode)429)), StringComparison.Ordinal);
        blockedGood.AssertErrors("json", (HttpStatusCode)429);
        Assert.Equal(HttpStatusCode.OK, (await app.Open311GetAsync("/services.json")).Status); // reads are not affected
    }
}
