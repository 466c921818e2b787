using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Fakes.Slack;
using ResultsBot.Storage.Tests;
using ResultsBot.Tests.Delivery;
using ResultsBot.Tests.Support;
using Xunit.Abstractions;

namespace ResultsBot.Tests.Resilience;

/// <summary>
/// Issue 18's acceptance run: three instances on one PostgreSQL database, Discord on two Gateway shards and Slack over
/// HTTP, the whole sample night landing while a seeded-random instance is SIGKILLed twenty times and restarted. Every
/// channel must end with exactly what one undisturbed bot on SQLite sends for the same night, in the same order, with
/// no 429 from either platform; after each kill of the feed reader another instance holds the feed lease within
/// 10 s; and after each declaration lands, every live instance gives the same answer within a second of the first
/// to show it. The seed is printed; CHAOS_SEED=&lt;seed&gt; replays the same kills (the same slots after the same waits).
/// </summary>
[Collection(nameof(PostgresServer))]
public sealed partial class ChaosNightTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const string Token = "fake-discord-bot-token";
    private const string ApplicationId = "1234567890";
    private const string SigningSecret = "chaos-signing-secret-0123456789";
    private const string Admin = "2001";
    private const int Instances = 3;
    private const int Kills = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LongestGapAllowed = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AgreementAllowed = TimeSpan.FromSeconds(1);

    // Channels that get everything by configuration, two more that an admin subscribes from a server on each shard,
    // and narrower ones: Slack is paced at a message a second per channel, so a Slack channel taking the whole night
    // (111 posts) would alone take two minutes.
    private static readonly string[] DiscordConfigured = ["7001", "7002"];
    private static readonly (string Channel, string Guild)[] DiscordSubscribedOnShard =
    [
        ("7004", "4001"),
        ("7005", ((1UL << 22) + 4001).ToString(CultureInfo.InvariantCulture)),
    ];

    private static readonly (string Channel, string Filter)[] Filtered =
    [
        ("discord:7003", "changes"),
        ("slack:C0CHANGES", "changes"),
        ("slack:C0PLACES", "councils Adur, Hartlepool, Rushmoor, Thurrock, Worcester"),
    ];

    private static readonly string[] DiscordChannels = [.. DiscordConfigured, "7003", .. DiscordSubscribedOnShard.Select(s => s.Channel)];
    private static readonly string[] SlackChannels = ["C0CHANGES", "C0PLACES"];

    [Fact]
    public async Task Run_ThreeInstancesTwentyRandomKills_EveryChannelGetsTheUndisturbedNightOnceInOrderAndInstancesAgree()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CHAOS_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Environment.TickCount;
        output.WriteLine($"seed {seed} (CHAOS_SEED={seed} replays it)");
        var random = new Random(seed);
        var wall = Stopwatch.StartNew();

        // What one undisturbed bot on SQLite sends for the same night, on fakes of its own, while the chaos runs.
        using var reference = new FakeDiscord(Token, ApplicationId, DiscordImageRuns.RoomyLimits);
        var referenceSlack = new FakeSlackWebApi().AddChannels(SlackChannels);
        await using var referenceServer = await FakeServer.StartAsync([.. reference.Parts, referenceSlack]);
        using var referenceFeed = new TempDirectory();
        using var referenceWork = new TempDirectory();
        SampleNight.CopyInto(referenceFeed);
        using var undisturbed = BotProcess.Start(referenceWork.Path, ReferenceSettings(referenceServer, referenceFeed, referenceWork));

        using var fake = new FakeDiscord(Token, ApplicationId, DiscordImageRuns.RoomyLimits);
        fake.Gateway.Shards = 2;
        fake.Gateway.MaxConcurrency = 2;
        fake.Gateway.EnforceMaxConcurrency = true;
        fake.Gateway.HeartbeatInterval = TimeSpan.FromSeconds(5);
        var slack = new FakeSlackWebApi().AddChannels(SlackChannels);
        var responseUrls = new FakeSlackResponseUrls();
        await using var server = await FakeServer.StartAsync([.. fake.Parts, slack, responseUrls]);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var database = postgres.NewDatabase();
        using var instances = new ChaosInstances(port => Settings(server, feed, database, port), work.Path);
        try
        {
            for (var i = 0; i < Instances; i++)
            {
                instances.Add();
            }

            await UntilAsync(async () => (await instances.RolesAsync()).Count(r => r is not null) == Instances && fake.Gateway.IsShardReady(0) && fake.Gateway.IsShardReady(1), instances, "three instances up and both shards running");
            output.WriteLine($"three instances up, both shards running, after {wall.Elapsed.TotalSeconds:0.0} s");

            // An admin subscribes a channel in a server on each shard: each command reaches the instance running that shard.
            var subscribes = new List<FakeDiscordInteractionsExchange>();
            foreach (var (channel, guild) in DiscordSubscribedOnShard)
            {
                var subscribe = fake.Interactions.SlashCommand("subscribe", userId: Admin, channelId: channel, guildId: guild);
                await fake.Gateway.InjectAsync(subscribe);
                var answer = await subscribe.WaitForCallbackAsync(Patience);
                output.WriteLine($"/subscribe in {channel}: {answer.Content}");
                subscribes.Add(subscribe);
            }

            await Task.Delay(1000); // every instance hears of a subscription at once (NOTIFY); the reader must before the night starts

            var night = LandTheNightAsync(feed, instances, server, responseUrls);
            var gaps = await KillAtRandomAsync(random, instances);
            var checkpoints = await night;

            output.WriteLine($"night landed and {Kills} kills done after {wall.Elapsed.TotalSeconds:0.0} s");
            await UntilAsync(() => Task.FromResult(SampleNight.Posts <= DiscordConfigured.Min(c => reference.Rest.MessagesIn(c).Count)), undisturbed, "the undisturbed bot's whole night");
            var expected = await SettledAsync(reference.Rest, referenceSlack);
            await UntilAsync(() => Task.FromResult(DiscordChannels.All(c => fake.Rest.MessagesIn(c).Count >= expected["discord:" + c].Count) && SlackChannels.All(c => slack.Messages(c).Count >= expected["slack:" + c].Count)), instances, "every post on every channel");
            await Task.Delay(1500); // a repeat, if there were one, would come now
            output.WriteLine($"every channel complete after {wall.Elapsed.TotalSeconds:0.0} s");

            // Every channel: the undisturbed night, each post once, in order.
            foreach (var (channel, posts) in expected)
            {
                var got = channel.StartsWith("discord:", StringComparison.Ordinal) ? DiscordHeadlines(fake.Rest, channel["discord:".Length..]) : SlackHeadlines(slack, channel["slack:".Length..]);
                Assert.True(posts.SequenceEqual(got), $"{channel} got {got.Count} posts, the undisturbed bot sent {posts.Count}:\n{Difference(posts, got)}\n{instances.Logs()}");
            }

            Assert.Equal(SampleNight.Posts, expected["discord:" + DiscordConfigured[0]].Count);
            Assert.All(subscribes, s => Assert.Equal(0, s.RefusedCallbacks));
            // No 429 at all: not from a bucket, not from Slack, and not from Discord's global limit (50 a second per
            // bot), whose slots the instances take from the database from their first request, restarts included.
            var globalWaits = GlobalRateLimitLines().Count(instances.Logs());
            output.WriteLine($"Discord 429s: {fake.Rest.RateLimitedCount} ({globalWaits} global); Slack 429s: {slack.RateLimitedCount}");
            Assert.Equal(0, fake.Rest.RateLimitedCount);
            Assert.Equal(0, globalWaits);
            Assert.Equal(0, slack.RateLimitedCount);
            Assert.Empty(fake.Rest.Rejections);

            // The longest wait for a feed reader after a kill, as the test saw it (kill to another's /readyz saying so).
            output.WriteLine($"{gaps.Count} of the {Kills} kills hit the feed reader; gaps until another held the feed lease: {string.Join(", ", gaps.Select(g => $"{g.TotalSeconds:0.00} s"))}");
            output.WriteLine($"the bots' own logs: {string.Join("; ", TookOverLines().Matches(instances.Logs()).Select(m => m.Value))}");
            Assert.NotEmpty(gaps);
            Assert.True(gaps.Max() < LongestGapAllowed, $"the longest gap in feed reading was {gaps.Max().TotalSeconds:0.00} s");

            // After each acceptance, every live instance gave the same answer within a second.
            foreach (var checkpoint in checkpoints)
            {
                output.WriteLine($"{checkpoint.Declared} declared: {checkpoint.Answering} instances gave the same answer; the slowest to show it {checkpoint.Agreed.TotalSeconds:0.00} s after the first");
            }

            Assert.Empty(checkpoints.SelectMany(c => c.Wrong)); // no instance ever answered from less than the night it had been told
            Assert.All(checkpoints, c => Assert.True(c.Agreed <= AgreementAllowed && c.Answering >= 2, $"{c.Declared} declared: {c.Answering} instances, agreed after {c.Agreed.TotalSeconds:0.00} s\n{c.Answers}"));
            output.WriteLine($"wall time {wall.Elapsed.TotalSeconds:0.0} s");
        }
        catch
        {
            output.WriteLine(instances.Logs()); // what each instance said, for the seed that failed
            throw;
        }
        finally
        {
            await instances.StopAsync();
            undisturbed.Signal("TERM");
            await undisturbed.WaitForExitAsync(Patience);
        }
    }

    /// <summary>
    /// Lands the night's files one at a time, as a live feed would, and after each asks every live instance /results
    /// declared until they all give the same answer with the new declaration in it (each file is one council's).
    /// </summary>
    private static async Task<List<Checkpoint>> LandTheNightAsync(TempDirectory feed, ChaosInstances instances, FakeServer server, FakeSlackResponseUrls urls)
    {
        var checkpoints = new List<Checkpoint>();
        var files = SampleNight.Files;
        SampleNight.WriteStateOfParties(feed);
        foreach (var (file, landed) in files.Select((f, i) => (f, i + 1)))
        {
            // Written under a hidden name and renamed into place, as a feed that is read while it lands must be:
            // a plain copy can be caught half-written, and the reader would skip an empty file until it changes.
            var landing = feed.File("." + Path.GetFileName(file) + ".part");
            File.Copy(file, landing);
            File.Move(landing, feed.File(Path.GetFileName(file)));
            checkpoints.Add(await AgreeAsync(instances, landed, checkpoints.Count > 0 ? checkpoints[^1].Declared : 0, server, urls));
        }

        return checkpoints;
    }

    /// <summary>
    /// Asks every instance at once, again and again, from just after the declaration landed. The clock starts when the
    /// first answer shows it (an instance has accepted it); an instance that answered without it after that is behind
    /// until its first answer with it, and how long that took (an upper bound: it may have caught up during the round)
    /// is the checkpoint's lag. Done when every instance answering gives the same answer, with the declaration.
    /// Every live instance is asked, one just started too: until it has read the night back from the database it must
    /// say it is starting (not answering yet), never answer from an empty book; every answer must count at least the
    /// last checkpoint's councils (<paramref name="before"/>), or it is wrong, not late. One killed mid-round is dropped.
    /// </summary>
    private static async Task<Checkpoint> AgreeAsync(ChaosInstances instances, int declared, int before, FakeServer server, FakeSlackResponseUrls urls)
    {
        var wrong = new List<string>();
        var shows = string.Create(CultureInfo.InvariantCulture, $"{declared} of {SampleNight.Councils} councils declared.");
        var clock = Stopwatch.StartNew();
        TimeSpan? shown = null;
        var behind = new HashSet<int>();
        var caughtUp = new Dictionary<int, TimeSpan>();
        var rounds = new List<string>();
        while (clock.Elapsed < Patience)
        {
            var asked = await Task.WhenAll(Enumerable.Range(0, instances.Count).Select(async slot =>
            {
                var answer = await instances.AskSlackAsync(slot, "declared", server, urls, SigningSecret);
                return (Slot: slot, Answer: answer == Starting ? null : answer, At: clock.Elapsed);
            }));
            wrong.AddRange(asked.Where(a => a.Answer is not null && DeclaredIn(a.Answer) < before).Select(a => $"slot {a.Slot} at {declared} declared: {a.Answer!.Split('\n')[0]}"));
            var answered = asked.Where(a => a.Answer is not null).ToList();
            shown ??= answered.Where(a => a.Answer!.StartsWith(shows, StringComparison.Ordinal)).Select(a => (TimeSpan?)a.At).Min();
            behind.ExceptWith(asked.Where(a => a.Answer is null).Select(a => a.Slot)); // killed: its successor starts afresh
            foreach (var (slot, answer, at) in answered.Where(_ => shown is not null))
            {
                if (!answer!.StartsWith(shows, StringComparison.Ordinal))
                {
                    behind.Add(slot);
                }
                else if (behind.Contains(slot))
                {
                    caughtUp.TryAdd(slot, at);
                }
            }

            rounds.Add($"{clock.Elapsed.TotalSeconds:0.00} s: " + string.Join(" | ", asked.Select(a => $"slot {a.Slot}: {a.Answer?.Split('\n')[0] ?? "no answer"}")));
            if (shown is { } first && answered.Count >= 2 && answered.All(a => a.Answer == answered[0].Answer && a.Answer!.StartsWith(shows, StringComparison.Ordinal)))
            {
                var lag = behind.Select(b => caughtUp.TryGetValue(b, out var at) ? at - first : clock.Elapsed - first).DefaultIfEmpty(TimeSpan.Zero).Max();
                return new Checkpoint(declared, answered.Count, lag, string.Join("\n", rounds.TakeLast(20)), wrong);
            }

            await Task.Delay(50);
        }

        return new Checkpoint(declared, 0, clock.Elapsed, string.Join("\n", rounds.TakeLast(20)), wrong);
    }

    private const string Starting = "The bot is starting and still reading tonight's results back from its database; please ask again in a few seconds.";

    // "54 of 107 councils declared. …" counts 54; "No council has declared yet" (an empty book) counts none.
    private static int DeclaredIn(string answer)
    {
        var digits = answer.TakeWhile(char.IsAsciiDigit).ToArray();
        return digits.Length == 0 ? 0 : int.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Kills a random live instance again and again, restarting it at once. At least two are up before each kill (a
    /// start takes seconds on a busy machine, and a standby must be there to take over); when the one killed held the
    /// feed lease, waits for another to hold it, and returns those gaps.
    /// </summary>
    private async Task<List<TimeSpan>> KillAtRandomAsync(Random random, ChaosInstances instances)
    {
        var gaps = new List<TimeSpan>();
        for (var kill = 0; kill < Kills; kill++)
        {
            await Task.Delay(random.Next(1000, 2200));
            IReadOnlyList<string?> roles = [];
            await UntilAsync(async () => (roles = await instances.RolesAsync()).Count(r => r is not null) >= 2, instances, "two instances up");
            var up = Enumerable.Range(0, roles.Count).Where(i => roles[i] is not null).ToList();
            var victim = up[random.Next(up.Count)];
            var wasReader = roles[victim]!.StartsWith("feed reader: ", StringComparison.Ordinal);
            instances.KillAndRestart(victim);
            var sinceKill = Stopwatch.StartNew();
            if (!wasReader)
            {
                continue;
            }

            await UntilAsync(async () => (await instances.RolesAsync()).Any(r => r?.StartsWith("feed reader: ", StringComparison.Ordinal) == true), instances, "another instance to take the feed lease");
            gaps.Add(sinceKill.Elapsed);
            output.WriteLine($"kill {kill + 1}: slot {victim}, the feed reader; another held the lease {sinceKill.Elapsed.TotalSeconds:0.00} s later");
        }

        return gaps;
    }

    /// <summary>The undisturbed bot's posts per channel, once it has sent nothing for two seconds.</summary>
    private static async Task<Dictionary<string, List<string>>> SettledAsync(FakeDiscordRest discord, FakeSlackWebApi slack)
    {
        Dictionary<string, List<string>> Now() => DiscordChannels.Select(c => ("discord:" + c, DiscordHeadlines(discord, c)))
            .Concat(SlackChannels.Select(c => ("slack:" + c, SlackHeadlines(slack, c))))
            .ToDictionary(x => x.Item1, x => x.Item2);

        var last = Now();
        var quiet = Stopwatch.StartNew();
        while (quiet.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(200);
            var now = Now();
            if (now.Any(kv => kv.Value.Count != last[kv.Key].Count))
            {
                last = now;
                quiet.Restart();
            }
        }

        return last;
    }

    private static List<string> DiscordHeadlines(FakeDiscordRest discord, string channel) => [.. discord.MessagesIn(channel).Select(m => m.Title ?? m.Content ?? "")];

    private static List<string> SlackHeadlines(FakeSlackWebApi slack, string channel) => [.. slack.Messages(channel).Select(m => (m.Text ?? "").Split('\n')[0])];

    private static string Difference(List<string> expected, List<string> got)
    {
        var first = Enumerable.Range(0, Math.Min(expected.Count, got.Count)).FirstOrDefault(i => expected[i] != got[i], Math.Min(expected.Count, got.Count));
        return $"first difference at post {first + 1}: expected \"{expected.ElementAtOrDefault(first)}\", got \"{got.ElementAtOrDefault(first)}\"\ngot:\n{string.Join("\n", got)}";
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, ChaosInstances instances, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Patience, $"Gave up waiting for {what}.\n{instances.Logs()}");
            await Task.Delay(50);
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, BotProcess bot, string what) =>
        await Waits.UntilAsync(condition, bot, Patience, what);

    [GeneratedRegex(@"Discord rate limited .* \(global\)")]
    private static partial Regex GlobalRateLimitLines();

    [GeneratedRegex(@"Took over reading the feed after [0-9.]+ s")]
    private static partial Regex TookOverLines();

    private static string[] Settings(FakeServer server, TempDirectory feed, string database, int port) =>
    [
        "--Feed:Source=" + feed.Path,
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=" + database,
        .. Platforms(server, port, DiscordConfigured),
    ];

    private static string[] ReferenceSettings(FakeServer server, TempDirectory feed, TempDirectory work) =>
    [
        "--Feed:Source=" + feed.Path,
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
        .. Platforms(server, FreePorts.Next(), [.. DiscordConfigured, .. DiscordSubscribedOnShard.Select(s => s.Channel)]),
    ];

    // The undisturbed bot is given every Discord channel; the chaos instances only those an admin does not subscribe by command.
    private static IEnumerable<string> Platforms(FakeServer server, int port, IEnumerable<string> discordChannels) =>
    [
        "--Discord:BotToken=" + Token,
        "--Discord:ApplicationId=" + ApplicationId,
        "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
        "--Discord:Channels=" + string.Join(',', discordChannels),
        "--Slack:BotToken=" + FakeSlackWebApi.DefaultToken,
        "--Slack:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api/"),
        "--Slack:Mode=Http",
        "--Slack:SigningSecret=" + SigningSecret,
        "--Admins:0=" + Admin,
        "--urls=http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
        .. Filtered.SelectMany((s, i) => new[] { $"--Subscriptions:{i}:Channel={s.Channel}", $"--Subscriptions:{i}:Filter={s.Filter}" }),
    ];

    private sealed record Checkpoint(int Declared, int Answering, TimeSpan Agreed, string Answers, IReadOnlyList<string> Wrong);
}
