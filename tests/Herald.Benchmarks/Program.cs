using Herald.Benchmarks;

return await ThroughputBenchmark.RunAsync(BenchmarkOptions.Parse(args));
