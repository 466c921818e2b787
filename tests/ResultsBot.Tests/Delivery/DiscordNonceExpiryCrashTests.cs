using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Tests.Support;
using Xunit.Abstractions;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// The bot killed in the instant after Discord took a post and before the bot recorded it, then kept down
/// longer than Discord remembers a nonce: the resend cannot lean on the nonce, so the bot must find its
/// post in the channel. Every channel still gets every post exactly once, in order.
/// </summary>
public sealed class DiscordNonceExpiryCrashTests(ITestOutputHelper output)
{
    private const string Token = "fake-discord-bot-token";
    private const int Kills = 8;
    private static readonly TimeSpan NonceWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(2.5);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly string[] Channels = ["1001", "1002"];

    // In name order: one poll reads the files in name order, so this is the declaration order.
    private static readonly string[] Councils =
    [
        "Adur", "Barnet", "Barnsley", "Basildon", "Bexley", "Birmingham", "Bolton", "Bradford", "Brent", "Bromley",
        "Burnley", "Bury", "Calderdale", "Camden", "Cheltenham", "Coventry", "Croydon", "Dudley", "Ealing", "Exeter",
    ];

    [Fact]
    public async Task Run_KilledAfterDiscordTookEachOfEightPostsAndDownLongerThanItsNonceWindow_EveryChannelGetsEveryPostExactlyOnceInOrder()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        using var fake = new FakeDiscord(Token, "1234567890", new FakeDiscordRestOptions { NonceWindow = NonceWindow });
        var discord = fake.Rest;
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed([.. Councils.Select(c => $"Local_Test_result_{c}_1.xml")]);

        var gate = new Lock();
        BotProcess? running = null;
        var killed = 0;
        discord.MessageCreated = _ =>
        {
            lock (gate)
            {
                if (killed < Kills && running is not null && random.Next(3) == 0)
                {
                    killed++;
                    running.Kill(); // Discord has the post; the bot never hears back, so it never records it
                    running = null;
                }
            }
        };

        var stderr = new List<string>();
        while (Volatile.Read(ref killed) < Kills && !AllDelivered(discord))
        {
            using var bot = BotProcess.Start(work.Path, Settings(server, feed, work));
            lock (gate)
            {
                running = bot;
            }

            using (var timeout = new CancellationTokenSource(Patience))
            {
                while (!bot.HasExited && !AllDelivered(discord) && !timeout.IsCancellationRequested)
                {
                    await Task.Delay(50, CancellationToken.None);
                }
            }

            lock (gate)
            {
                running = null;
            }

            bot.Kill();
            await bot.WaitForExitAsync(Patience);
            stderr.Add(bot.Stderr);
            await Task.Delay(Downtime, CancellationToken.None); // longer than Discord remembers the nonce
        }

        using (var last = BotProcess.Start(work.Path, Settings(server, feed, work)))
        {
            await Waits.UntilAsync(() => AllDelivered(discord), last, Patience, "every post on every channel");
            await Task.Delay(1500, CancellationToken.None); // a repeat, if there were one, would come now
            last.Signal("TERM");
            await last.WaitForExitAsync(Patience);
            stderr.Add(last.Stderr);
        }

        output.WriteLine(string.Join("\n---\n", stderr));
        Assert.Equal(Kills, killed);
        foreach (var channel in Channels)
        {
            var titles = discord.MessagesIn(channel).Select(m => m.Title ?? "").ToList();
            var councils = titles.Select(t => Councils.SingleOrDefault(c => t.Contains(c, StringComparison.Ordinal)) ?? $"(not a council: {t})");
            Assert.True(Councils.SequenceEqual(councils), $"discord:{channel} got:\n{string.Join("\n", titles)}");
        }

        // The kills landed where only a look in the channel can tell the post is there.
        Assert.Contains(stderr, e => e.Contains("was already in", StringComparison.Ordinal));
    }

    private static bool AllDelivered(FakeDiscordRest discord) => Channels.All(c => discord.MessagesIn(c).Count >= Councils.Length);

    private static string[] Settings(FakeServer server, TempDirectory feed, TempDirectory work) =>
    [
        "--Feed:Source=" + feed.Path,
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
        "--Discord:BotToken=" + Token,
        "--Discord:ApplicationId=1234567890",
        "--Discord:Channels=" + string.Join(',', Channels),
        "--Discord:NonceWindow=" + NonceWindow.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "s",
        "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
        "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"),
    ];
}
