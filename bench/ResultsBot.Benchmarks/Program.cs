using BenchmarkDotNet.Running;
using ResultsBot.Benchmarks;

// `delivery [channels]` is a scripted load run against the Discord fake; anything else goes to BenchmarkDotNet.
if (args is ["delivery", ..])
{
    return await DeliveryRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000);
}

BenchmarkSwitcher.FromAssembly(typeof(CommandBenchmarks).Assembly).Run(args);
return 0;
