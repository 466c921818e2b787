using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ResultsBot.Benchmarks.CommandBenchmarks).Assembly).Run(args);
