using System.Globalization;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;
using Xunit.Abstractions;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// Kills at random moments while results arrive in bursts (the bot is down while they queue up), with
/// digest channels beside plain ones and revisions arriving while their originals are still queued. Every
/// channel gets every result exactly once, in order; every wrong original is edited (on a digest channel,
/// the digest's line for it) with one note under it.
/// </summary>
public sealed class BacklogCrashTests(ITestOutputHelper output)
{
    private const string DiscordToken = "fake-discord-bot-token";
    private const int Kills = 16;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    // In name order: files copied between runs are read in one poll in name order, so this is the declaration order.
    private static readonly string[] Councils =
    [
        "Adur", "Barnet", "Barnsley", "Basildon", "Bexley", "Birmingham", "Bolton", "Bradford", "Brent", "Bromley",
        "Burnley", "Bury", "Calderdale", "Camden", "Cheltenham", "Coventry", "Croydon", "Greenwich",
    ];

    private static readonly string[] Corrected = ["Bolton", "Greenwich"];

    [Fact]
    public async Task Run_KilledWhileBacklogsWithDigestsAndCorrectionsGoOut_EveryChannelGetsEveryPostOnceInOrderAndEveryWrongOriginalIsCorrected()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        using var fake = new FakeDiscord(DiscordToken, "1234567890");
        var discord = fake.Rest;
        var slack = new FakeSlackWebApi().AddChannels("C0PLAIN", "C0DIGEST");
        var socket = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync([.. fake.Parts, slack, socket]);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var files = Councils.SelectMany(c => Corrected.Contains(c) ? new[] { $"Local_Test_result_{c}_1.xml", $"Local_Test_result_{c}_2.xml" } : [$"Local_Test_result_{c}_1.xml"]).ToList();
        var copied = 0;

        for (var run = 0; run < Kills; run++)
        {
            // Files arrive while the bot is down, a few at a time: each start meets a backlog.
            var arriving = Math.Min(files.Count, (run + 1) * files.Count / (Kills * 2 / 3));
            for (; copied < arriving; copied++)
            {
                feed.CopyFeed(files[copied]);
            }

            using var bot = BotProcess.Start(work.Path, Settings(server, feed, work, socket));
            await Task.Delay(random.Next(300, 2500));
            bot.Kill();
            await bot.WaitForExitAsync(Patience);
        }

        for (; copied < files.Count; copied++)
        {
            feed.CopyFeed(files[copied]);
        }

        using (var last = BotProcess.Start(work.Path, Settings(server, feed, work, socket)))
        {
            await Waits.UntilAsync(() => AllThere(discord, slack), last, Patience, "every result and correction on every channel");
            await Task.Delay(2000, CancellationToken.None); // a repeat, if there were one, would come now
            last.Signal("TERM");
            await last.WaitForExitAsync(Patience);
            output.WriteLine(last.Stderr);
        }

        AssertPlain("discord:1001", DiscordTop(discord, "1001"), council => DiscordNotes(discord, "1001", council));
        AssertPlain("slack:C0PLAIN", SlackTop(slack, "C0PLAIN"), council => SlackNotes(slack, "C0PLAIN", council));
        foreach (var council in Corrected)
        {
            // Edited in place, whether it went out in a digest or on its own.
            Assert.True(discord.MessagesIn("1003").Single(m => m.ReferencedMessageId is null && Named($"{m.Title}\n{(string?)m.Embeds[0]?["description"]}").Contains(council)).Edited, $"discord:1003: {council} not edited");
            Assert.NotNull(slack.Messages("C0DIGEST").Single(m => Named(string.Join("\n", (m.Blocks ?? []).Select(BlockText))).Contains(council)).EditedTs);
        }

        AssertDigested("discord:1003", DiscordTop(discord, "1003"), discord.MessagesIn("1003").Count(m => m.ReferencedMessageId is not null));
        AssertDigested("slack:C0DIGEST", SlackTop(slack, "C0DIGEST"), slack.Messages("C0DIGEST").Sum(m => slack.Replies("C0DIGEST", m.Ts).Count(r => r.IsReply)));
    }

    /// <summary>One message per council, in order; a corrected one now says "Correction" and has exactly one note under it.</summary>
    private static void AssertPlain(string channel, List<(string Id, string Text)> top, Func<string, int> notes)
    {
        var named = top.Select(m => Named(m.Text).SingleOrDefault() ?? $"(not one council: {m.Text})").ToList();
        Assert.True(Councils.SequenceEqual(named), $"{channel} got:\n{string.Join("\n", top.Select(m => m.Text))}");
        foreach (var council in Corrected)
        {
            var message = top[Array.IndexOf(Councils, council)];
            Assert.True(message.Text.StartsWith("Correction", StringComparison.Ordinal), $"{channel}: {council} was not corrected in place: {message.Text}");
            Assert.Equal(1, notes(council));
        }
    }

    /// <summary>Every council in order once (a digest names several); each wrong result corrected in place (its line in the digest, or its own post), with one note.</summary>
    private static void AssertDigested(string channel, List<(string Id, string Text)> top, int notes)
    {
        var results = top.SelectMany(m => Named(m.Text)).ToList();
        Assert.True(Councils.SequenceEqual(results), $"{channel} got:\n{string.Join("\n---\n", top.Select(m => m.Text))}");
        foreach (var council in Corrected)
        {
            Assert.Single(top.SelectMany(m => m.Text.Split('\n')), l => l.StartsWith("Correction", StringComparison.Ordinal) && l.Contains(council, StringComparison.Ordinal));
        }

        Assert.Equal(Corrected.Length, notes);
    }

    // Each council a message names, once: a correction names its council in the headline and again in the line saying what changed.
    private static List<string> Named(string text) =>
        [.. text.Split('\n').SelectMany(line => Councils.Where(c => line.Contains(c, StringComparison.Ordinal))).Distinct()];

    private static List<(string Id, string Text)> DiscordTop(FakeDiscordRest discord, string channel) =>
        [.. discord.MessagesIn(channel).Where(m => m.ReferencedMessageId is null).Select(m => (m.Id, $"{m.Title}\n{(string?)m.Embeds[0]?["description"]}"))];

    private static int DiscordNotes(FakeDiscordRest discord, string channel, string council)
    {
        var original = DiscordTop(discord, channel)[Array.IndexOf(Councils, council)].Id;
        return discord.MessagesIn(channel).Count(m => m.ReferencedMessageId == original);
    }

    private static List<(string Id, string Text)> SlackTop(FakeSlackWebApi slack, string channel) =>
        [.. slack.Messages(channel).Where(m => !m.IsReply).Select(m => (m.Ts, string.Join("\n", (m.Blocks ?? []).Select(BlockText))))];

    private static int SlackNotes(FakeSlackWebApi slack, string channel, string council) =>
        slack.Replies(channel, SlackTop(slack, channel)[Array.IndexOf(Councils, council)].Id).Count(m => m.IsReply);

    private static string BlockText(System.Text.Json.Nodes.JsonNode? block) =>
        block?["text"]?["text"]?.ToString() ?? string.Join("\n", (block?["fields"] as System.Text.Json.Nodes.JsonArray ?? []).Select(f => f?["text"]?.ToString()));

    private static bool AllThere(FakeDiscordRest discord, FakeSlackWebApi slack)
    {
        bool Plain(List<(string Id, string Text)> top) => top.Count >= Councils.Length && Corrected.All(c => top[Array.IndexOf(Councils, c)].Text.StartsWith("Correction", StringComparison.Ordinal));
        bool Digested(List<(string Id, string Text)> top) =>
            Councils.All(c => top.Any(m => Named(m.Text).Contains(c)))
            && Corrected.All(c => top.SelectMany(m => m.Text.Split('\n')).Any(l => l.StartsWith("Correction", StringComparison.Ordinal) && l.Contains(c, StringComparison.Ordinal)));
        return Plain(DiscordTop(discord, "1001")) && Plain(SlackTop(slack, "C0PLAIN")) && Digested(DiscordTop(discord, "1003")) && Digested(SlackTop(slack, "C0DIGEST"));
    }

    private static string[] Settings(FakeServer server, TempDirectory feed, TempDirectory work, FakeSlackSocketMode socket) =>
    [
        "--Feed:Source=" + feed.Path,
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
        "--Discord:BotToken=" + DiscordToken,
        "--Discord:ApplicationId=1234567890",
        "--Discord:Channels=1001",
        "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
        "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"),
        "--Slack:BotToken=" + FakeSlackWebApi.DefaultToken,
        "--Slack:AppToken=" + socket.AppToken,
        "--Slack:Channels=C0PLAIN",
        "--Slack:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api/"),
        "--Subscriptions:0:Channel=discord:1003",
        "--Subscriptions:0:Filter=digest 5s",
        "--Subscriptions:1:Channel=slack:C0DIGEST",
        "--Subscriptions:1:Filter=digest 5s",
        "--Operations:FeedSilentAfter=" + 30.ToString(CultureInfo.InvariantCulture) + "m",
    ];
}
