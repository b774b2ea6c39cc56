using System.Globalization;
using Ciudad.ServiceRequests.Seeding;

namespace Ciudad.Web.CommandLine;

/// <summary><c>ciudad seed-demo --requests N [--seed S]</c>: prints progress and the rate as it goes.</summary>
internal static class SyntheticRequestsCommand
{
    public static async Task RunAsync(IServiceProvider services, int count, int seed)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Adding {count:N0} synthetic requests over the last three years (seed {seed})..."));
        var last = TimeSpan.Zero;
        // Synchronous reporting: Progress<T> would post to the thread pool and print out of order.
        var progress = new InlineProgress(p =>
        {
            if (p.Written == p.Total || p.Elapsed - last >= TimeSpan.FromSeconds(2))
            {
                last = p.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {p.Written,12:N0} / {p.Total:N0}  {p.Elapsed.TotalSeconds,7:F1} s  {p.RowsPerSecond,9:N0} requests/s"));
            }
        });
        var written = await services.GetRequiredService<SyntheticRequests>().GenerateAsync(count, seed, progress);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Added {written:N0} synthetic requests."));
    }

    private sealed class InlineProgress(Action<SyntheticProgress> report) : IProgress<SyntheticProgress>
    {
        public void Report(SyntheticProgress value) => report(value);
    }
}
