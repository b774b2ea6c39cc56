using System.Globalization;
using BenchmarkDotNet.Attributes;
using Ciudad.Platform;
using Ciudad.Platform.Localization;

namespace Ciudad.Benchmarks;

/// <summary>Every label on every page goes through the catalog: it must cost next to nothing.</summary>
[MemoryDiagnoser]
public class StringCatalogBenchmarks
{
    private readonly StringCatalog _catalog = new([typeof(PlatformModule).Assembly, typeof(Ciudad.Web.Infrastructure.WebModule).Assembly]);

    [Benchmark]
    public string LookUpSpanish() => _catalog.Get("es", "Shell.Nav.MyAccount");

    [Benchmark]
    public string FormatEnglish() => _catalog.Format("en", "Home.Heading", "City of El Paso");

    [GlobalSetup]
    public void Setup() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-US");
}
