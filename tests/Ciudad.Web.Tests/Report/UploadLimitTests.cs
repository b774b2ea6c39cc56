using System.Net;
using static Ciudad.Web.Tests.Report.ReportKit;

namespace Ciudad.Web.Tests.Report;

public sealed class UploadLimitTests
{
    [Fact]
    public async Task A_post_bigger_than_all_allowed_photos_together_gets_a_friendly_page_not_an_error()
    {
        // One photo of at most 100 kB: anything much above 1.1 MB in one post is refused before it is read.
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["Ciudad:ServiceRequests:MaxPhotos"] = "1",
            ["Ciudad:ServiceRequests:MaxPhotoBytes"] = "100000",
        });
        using var resident = app.NewSession("es");
        var location = await resident.GetAsync("/report/location?service=sidewalk");
        var details = await resident.SubmitAsync(location, new Dictionary<string, string> { ["Input.Address"] = "Oregon St y Main Dr" });

        var answer = await resident.SubmitMultipartAsync(details, [], [new Upload("Photos", "enorme.jpg", "image/jpeg", new byte[3_000_000])]);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("/report/details", answer.Url.AbsolutePath);
        Assert.Contains("Las fotos eran demasiado pesadas para enviarlas juntas. Agréguelas de pocas en pocas; cada una debe pesar 0.1 MB o menos", answer.Errors);
    }
}
