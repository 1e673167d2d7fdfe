using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project benchmarks/PatientCentric.Benchmarks -- --filter '*'
// Results and the machine go into docs/performance.md. Never run by tests.
BenchmarkSwitcher.FromAssembly(typeof(PatientCentric.Benchmarks.NpsBenchmarks).Assembly).Run(args);
