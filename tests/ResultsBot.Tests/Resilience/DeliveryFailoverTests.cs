using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ResultsBot.Application.Instances;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Storage.Tests;
using ResultsBot.Tests.Support;
using Xunit.Abstractions;
using static ResultsBot.Tests.Resilience.InstancesOnOneDatabase;

namespace ResultsBot.Tests.Resilience;

/// <summary>
/// Three bots on one PostgreSQL database share delivery out: each holds some of the delivery partitions and sends to the
/// channels in them, so a night's posts go out from more than one instance. One that delivers is SIGKILLed mid-night;
/// the others take its partitions over, and every channel still gets every post exactly once, in order.
/// </summary>
[Collection(nameof(PostgresServer))]
public sealed partial class DeliveryFailoverTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const string Delivered = "resultsbot_posts_delivered_total";
    private static readonly string[] Channels = ["2001", "2002", "2003", "2004", "2005", "2006", "2007", "2008"];

    [Fact]
    public async Task Run_ThreeInstancesEightChannels_DeliveryIsSpreadAndAKilledDeliverersChannelsAreTakenOverOnceInOrder()
    {
        using var fake = new FakeDiscord(Token, "1234567890");
        var discord = fake.Rest;
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        var database = postgres.NewDatabase();
        await using var instances = InstancesOnOneDatabase.Start(3, port => InstancesOnOneDatabase.Settings(server, feed, database, port, Channels), output);
        var bots = instances.Bots;

        // The partitions spread: each instance holds its share (32 of them over three: 11, 11 and 10).
        var started = Stopwatch.StartNew();
        List<List<int>> held = [];
        await UntilAsync(
            async () =>
            {
                held = [.. (await RolesAsync(bots)).Select(Partitions)];
                return held.All(p => p.Count >= 10) && held.SelectMany(p => p).Order().SequenceEqual(Enumerable.Range(0, 32));
            },
            bots,
            "the delivery partitions spread over the three instances");
        output.WriteLine($"partitions spread after {started.Elapsed.TotalSeconds:0.00} s: {string.Join(" | ", held.Select(p => string.Join(",", p)))}");

        // The first part of the night goes out from more than one instance.
        Land(feed, Councils[..6]);
        await UntilAsync(() => AllHave(discord, 6), bots, "the first six posts on every channel");
        var sent = new List<long>();
        foreach (var (_, http) in bots)
        {
            sent.Add(await MetricAsync(http, Delivered, "platform=\"discord\""));
        }

        output.WriteLine($"posts sent by each instance: {string.Join(", ", sent)}");
        Assert.True(sent.Count(s => s > 0) >= 2, $"only one instance delivered: {string.Join(", ", sent)}");
        Assert.Equal(6 * Channels.Length, sent.Sum());

        // Mid-night, with results landing, an instance that delivers some of the channels dies: not the feed reader,
        // so what is tested is delivery being taken over, not the feed.
        var roles = await RolesAsync(bots);
        held = [.. roles.Select(Partitions)];
        var victim = Enumerable.Range(0, bots.Count).First(i => !roles[i].StartsWith("feed reader: ", StringComparison.Ordinal) && Channels.Any(c => held[i].Contains(PartitionOf(c))));
        var victimsChannels = Channels.Where(c => held[victim].Contains(PartitionOf(c))).ToList();
        output.WriteLine($"killing instance {bots[victim].Bot.Pid}, which delivers {string.Join(", ", victimsChannels)}");
        Assert.True(sent[victim] > 0);
        Land(feed, Councils[6..10]);
        await UntilAsync(() => victimsChannels.Any(c => discord.MessagesIn(c).Count > 6), bots, "the victim sending the next results");
        bots[victim].Bot.Kill();
        var sinceKill = Stopwatch.StartNew();
        var survivors = bots.Where((_, i) => i != victim).ToList();
        Land(feed, Councils[10..14]);
        await UntilAsync(
            async () => (await RolesAsync(survivors)).SelectMany(Partitions).Order().SequenceEqual(Enumerable.Range(0, 32)),
            survivors,
            "the survivors holding every partition");
        var tookOver = sinceKill.Elapsed;
        await UntilAsync(() => AllHave(discord, 14), survivors, "every post so far on every channel");
        output.WriteLine($"partitions taken over {tookOver.TotalSeconds:0.00} s after the SIGKILL; its channels caught up at {sinceKill.Elapsed.TotalSeconds:0.00} s");
        Assert.True(tookOver < TimeSpan.FromSeconds(10), $"took over only after {tookOver}");

        Land(feed, Councils[14..]);
        await UntilAsync(() => AllHave(discord, Councils.Length), survivors, "every post on every channel");
        await Task.Delay(1500); // a repeat, if there were one, would come now

        EveryCouncilOnceInOrder(discord, Channels);
    }

    private static int PartitionOf(string channel) => DeliveryPartitions.Of("discord:" + channel);

    // "…; delivers the posts of the channels in delivery partitions 0, 3, 5 of 32; …": the partitions.
    private static List<int> Partitions(string role) =>
        HeldPartitions().Match(role) is { Success: true } match
            ? [.. match.Groups[1].Value.Split(", ").Select(p => int.Parse(p, CultureInfo.InvariantCulture))]
            : [];

    [GeneratedRegex("delivery partitions? ([0-9, ]+) of 32")]
    private static partial Regex HeldPartitions();

    private static bool AllHave(FakeDiscordRest discord, int count) => Channels.All(c => discord.MessagesIn(c).Count >= count);
}
