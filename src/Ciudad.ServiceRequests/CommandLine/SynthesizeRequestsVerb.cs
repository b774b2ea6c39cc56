using System.Globalization;
using Ciudad.Platform.Modules;
using Ciudad.Platform.Seeding;
using Ciudad.ServiceRequests.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.CommandLine;

/// <summary>
/// <c>ciudad requests synthesize --count N [--seed S]</c>: the demo data (if missing) plus N synthetic
/// requests over the last three years, for load tests; prints progress and the rate as it goes. The
/// same seed on the same database gives the same requests.
/// </summary>
internal sealed class SynthesizeRequestsVerb : ModuleVerb
{
    private int _count;
    private int _seed = 1;

    public override IReadOnlyList<string> Words => ["requests", "synthesize"];

    public override string Usage => "requests synthesize --count N [--seed S]";

    public override string Summary => "Add the demo data and N synthetic 311 requests over the last three years (load tests); the same seed gives the same requests.";

    public override string? TakeOptions(List<string> arguments)
    {
        var count = TakeValue(arguments, "--count");
        var seed = TakeValue(arguments, "--seed");
        if (count is null || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out _count))
        {
            return "requests synthesize needs --count <whole number>.";
        }
        if (seed is not null && !int.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out _seed))
        {
            return "requests synthesize --seed needs a whole number.";
        }
        return null;
    }

    public override async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Adding {_count:N0} synthetic requests over the last three years (seed {_seed})..."));
        var last = TimeSpan.Zero;
        // Synchronous reporting: Progress<T> would post to the thread pool and print out of order.
        var progress = new InlineProgress(p =>
        {
            if (p.Written == p.Total || p.Elapsed - last >= TimeSpan.FromSeconds(2))
            {
                last = p.Elapsed;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {p.Written,12:N0} / {p.Total:N0}  {p.Elapsed.TotalSeconds,7:F1} s  {p.RowsPerSecond,9:N0} requests/s"));
            }
        });
        var written = await scope.ServiceProvider.GetRequiredService<SyntheticRequests>().GenerateAsync(_count, _seed, progress, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Added {written:N0} synthetic requests."));
        return 0;
    }

    private sealed class InlineProgress(Action<SyntheticProgress> report) : IProgress<SyntheticProgress>
    {
        public void Report(SyntheticProgress value) => report(value);
    }
}
