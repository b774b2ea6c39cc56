using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Ciudad.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Ciudad.Benchmarks.AuditChainBenchmarks).Assembly).Run(args);
