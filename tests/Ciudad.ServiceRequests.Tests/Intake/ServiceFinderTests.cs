using Ciudad.ServiceRequests.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Tests.Intake;

public sealed class ServiceFinderTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("bache", "pothole")]
    [InlineData("pothole", "pothole")]
    [InlineData("BACHES", "pothole")]
    [InlineData("semaforo", "traffic-signal")]
    [InlineData("Semáforo descompuesto", "traffic-signal")]
    [InlineData("stoplight", "traffic-signal")]
    [InlineData("colchón", "illegal-dumping")] // keyword with an accent, typed with it
    [InlineData("colchon", "illegal-dumping")] // and without
    [InlineData("grafiti", "graffiti")]
    [InlineData("  Luz   de calle ", "streetlight")]
    [InlineData("hoyo en la calle", "pothole")] // words, not the phrase; "en" and "la" say nothing
    [InlineData("There is a hole in the street", "pothole")]
    [InlineData("hueco en el pavimento", "pothole")] // synonyms residents use
    [InlineData("farol fundido", "streetlight")]
    [InlineData("rayones en la pared", "graffiti")]
    public async Task Names_and_keywords_match_in_either_language_ignoring_case_and_accents(string query, string expectedFirst)
    {
        var services = await CatalogAsync();

        var found = ServiceFinder.Search(services, query);

        Assert.NotEmpty(found);
        Assert.Equal(expectedFirst, found[0].Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("volcán en erupción")]
    public async Task Nonsense_or_nothing_finds_nothing(string query) =>
        Assert.Empty(ServiceFinder.Search(await CatalogAsync(), query));

    [Fact]
    public async Task Every_word_must_match_and_a_name_match_ranks_above_a_keyword_match()
    {
        var services = await CatalogAsync();

        // "colchón" is a keyword of both dumping and bulky items; "voluminosos" only names the latter.
        Assert.Equal(["bulky-item"], ServiceFinder.Search(services, "colchon voluminosos").Select(s => s.Code));
        // "basura" names the missed pickup ("Recolección de basura…") and is a keyword of dumping.
        Assert.Equal("missed-pickup", ServiceFinder.Search(services, "basura")[0].Code);
    }

    [Fact]
    public void Folding_removes_accents_case_and_punctuation() =>
        Assert.Equal("semaforo  luz de trafico", ServiceFinder.Fold("Semáforo, LUZ de tráfico"));

    private async Task<IReadOnlyList<ServiceRequests.Catalog.Service>> CatalogAsync()
    {
        var app = await fixture.For(TestDatabase.Sqlite);
        return await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceFinder>().ActiveServicesAsync());
    }
}
