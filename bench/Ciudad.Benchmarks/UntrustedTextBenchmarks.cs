using BenchmarkDotNet.Attributes;
using Ciudad.Platform.Text;

namespace Ciudad.Benchmarks;

/// <summary>
/// Every text field of every report, note and query passes <see cref="UntrustedText.Clean"/>. The
/// baseline is the filter it replaced (C0 controls and DEL only, with LINQ): the wider check must
/// not cost more on the text people actually send.
/// </summary>
[MemoryDiagnoser]
public class UntrustedTextBenchmarks
{
    private const string Description =
        "Hay un bache muy grande en el carril derecho de la avenida Montana, cerca de la esquina con " +
        "la calle Copia. Los carros se desvían al carril contrario para evitarlo y ya hubo un choque " +
        "esta mañana. También está dañada la banqueta enfrente del número 3200. 🚧 Gracias.";

    private const string WithOneBadCharacter = Description + "\uFFFF";

    [Benchmark(Baseline = true)]
    public string? PreviousFilterCleanText() => PreviousFilter(Description);

    [Benchmark]
    public string? CleanText() => UntrustedText.Clean(Description);

    [Benchmark]
    public string? CleanTextWithOneBadCharacter() => UntrustedText.Clean(WithOneBadCharacter);

    [Benchmark]
    public string ForXmlCleanText() => UntrustedText.ForXml(Description);

    private static string? PreviousFilter(string? value)
    {
        static bool IsDropped(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007F';
        if (string.IsNullOrEmpty(value) || !value.Any(IsDropped))
        {
            return value;
        }
        return new string([.. value.Where(c => !IsDropped(c))]);
    }
}
