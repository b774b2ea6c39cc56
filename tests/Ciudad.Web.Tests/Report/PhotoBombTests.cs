using Ciudad.ServiceRequests.Photos;
using Microsoft.Extensions.DependencyInjection;
using static Ciudad.Web.Tests.Report.ReportKit;

namespace Ciudad.Web.Tests.Report;

/// <summary>A small photo that declares a huge image is refused from its header, by name, in the visitor's language.</summary>
public sealed class PhotoBombTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task A_photo_declaring_too_many_pixels_is_refused_by_name_in_both_languages_without_decoding(TestDatabase db)
    {
        var app = await fixture.For(db);
        var processor = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<PhotoProcessor>()));
        var decodedBefore = processor.DecodedCount;
        var bomb = PhotoBombs.Png(10_000, 10_000);

        foreach (var (language, expected) in new[]
        {
            ("en", "“bomb.png” has too many pixels: 10000×10000, the limit is 40 megapixels. Choose a smaller photo"),
            ("es", "“bomb.png” tiene demasiados píxeles: 10000×10000; el límite es de 40 megapíxeles. Elija una foto más pequeña"),
        })
        {
            using var resident = app.NewSession(language);
            var location = await resident.GetAsync("/report/location?service=sidewalk");
            var details = await resident.SubmitAsync(location, new Dictionary<string, string> { ["Input.Address"] = "Oregon St y Main Dr" });

            var answer = await resident.SubmitMultipartAsync(details, [], [new Upload("Photos", "bomb.png", "image/png", bomb)]);

            Assert.Equal("/report/details", answer.Url.AbsolutePath);
            Assert.Contains(expected, answer.Errors);
        }
        Assert.Equal(decodedBefore, processor.DecodedCount);
    }
}
