using System.Globalization;
using BenchmarkDotNet.Running;
using ResultsBot.Benchmarks;

// Scripted runs for bench/run (see bench/README.md); anything else goes to BenchmarkDotNet.
switch (args)
{
    case ["delivery", ..]:
        return await DeliveryRun.RunAsync(
            args.Length > 1 ? Number(args[1]) : 1_000,
            args.Length > 3 && args[2] == "--body" ? args[3] : null);
    case ["failover", ..]:
        return await FailoverRun.RunAsync(Option("--kills", 10), Option("--channels", 5_000));
    case ["fake-platforms", ..]:
        return await FakePlatformsHost.RunAsync(args.Contains("--arrivals"));
    case ["subscribe", var database, var count]:
        return SubscribeRun.Run(database, Number(count));
    case ["ingest", ..]:
        var rounds = Array.IndexOf(args, "--rounds") is var at and > 0 ? Number(args[at + 1]) : 5;
        return await IngestRun.RunAsync([.. args.Skip(1).TakeWhile(a => a != "--rounds")], rounds);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(CommandBenchmarks).Assembly).Run(args);
        return 0;
}

static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

int Option(string name, int otherwise) => Array.IndexOf(args, name) is var at and > 0 ? Number(args[at + 1]) : otherwise;
