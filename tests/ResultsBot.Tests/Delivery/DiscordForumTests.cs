using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// The running bot posting into a Discord forum and into a thread, as a server that follows the night there would
/// set it up: a forum gets one post (thread) for the night with every result a reply in it, across restarts and a
/// crash in the instant after Discord opened the post; a thread subscribed from inside gets posts like any channel.
/// </summary>
public sealed class DiscordForumTests
{
    private const string Token = "fake-discord-bot-token";
    private const string ApplicationId = "1234567890";
    private const string Forum = "150";
    private const string Night = "Local elections 2024: results";
    private const string ForumChannel = "--Discord:Channels=" + Forum;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] Councils = ["Adur", "Barnet", "Barnsley", "Basildon", "Bexley", "Bolton"];

    [Fact]
    public async Task Run_ForumSubscribed_OnePostForTheNightWithEveryResultAsAReply_AndARestartPostsOnInIt()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var discord = fake.Rest;
        discord.AddForum(Forum);
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed([.. Councils[..3].Select(c => $"Local_Test_result_{c}_1.xml")]);

        using (var first = BotProcess.Start(work.Path, Settings(server, feed, work, ForumChannel)))
        {
            await Waits.UntilAsync(() => Replies(discord).Count >= 3, first, Patience);
            first.Signal("TERM");
            await first.WaitForExitAsync(Patience);
        }

        feed.CopyFeed([.. Councils[3..].Select(c => $"Local_Test_result_{c}_1.xml")]);
        using (var second = BotProcess.Start(work.Path, Settings(server, feed, work, ForumChannel)))
        {
            await Waits.UntilAsync(() => Replies(discord).Count >= Councils.Length, second, Patience);
            await Task.Delay(500, CancellationToken.None); // a repeat or a second post, if there were one, would come now
            second.Signal("TERM");
            await second.WaitForExitAsync(Patience);
        }

        var thread = Assert.Single(discord.ThreadsIn(Forum));
        Assert.Equal(Night, thread.Name);
        Assert.Equal(Councils, Replies(discord).Select(t => Councils.Single(c => t.Contains(c, StringComparison.Ordinal))));
        Assert.Empty(discord.MessagesIn(Forum));
        Assert.Empty(discord.Rejections);
    }

    [Fact]
    public async Task Run_KilledJustAfterDiscordOpenedTheForumPost_TheRestartFindsItAndNeverOpensASecond()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var discord = fake.Rest;
        discord.AddForum(Forum);
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed([.. Councils.Select(c => $"Local_Test_result_{c}_1.xml")]);
        var gate = new Lock();
        BotProcess? running = null;
        discord.ThreadCreated = _ =>
        {
            lock (gate)
            {
                running?.Kill(); // Discord opened the post; the bot never hears back, so its store never learns the thread
                running = null;
            }
        };

        using (var first = BotProcess.Start(work.Path, Settings(server, feed, work, ForumChannel)))
        {
            lock (gate)
            {
                running = first;
            }

            await first.WaitForExitAsync(Patience);
        }

        Assert.Single(discord.ThreadsIn(Forum));
        Assert.Single(discord.MessagesIn(discord.ThreadsIn(Forum)[0].Id)); // only the opening message: no result went yet

        using var second = BotProcess.Start(work.Path, Settings(server, feed, work, ForumChannel));
        await Waits.UntilAsync(() => Replies(discord).Count >= Councils.Length, second, Patience);
        await Task.Delay(500, CancellationToken.None);
        second.Signal("TERM");
        await second.WaitForExitAsync(Patience);

        Assert.Single(discord.ThreadsIn(Forum));
        Assert.Equal(Councils, Replies(discord).Select(t => Councils.Single(c => t.Contains(c, StringComparison.Ordinal))));
        Assert.Contains("already open; posting on in it", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ForumPerCouncilByConfiguration_EachCouncilGetsAPostOfItsOwn()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var discord = fake.Rest;
        discord.AddForum(Forum);
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed([.. Councils[..2].Select(c => $"Local_Test_result_{c}_1.xml")]);

        using var bot = BotProcess.Start(work.Path, Settings(server, feed, work, "--Subscriptions:0:Channel=discord:" + Forum, "--Subscriptions:0:Filter=forum per council"));
        await Waits.UntilAsync(() => discord.ThreadsIn(Forum).Sum(t => discord.MessagesIn(t.Id).Count - 1) >= 2, bot, Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Equal(["Adur: results", "Barnet: results"], discord.ThreadsIn(Forum).Select(t => t.Name));
        Assert.All(discord.ThreadsIn(Forum), t => Assert.Contains(t.Name[..^": results".Length], discord.MessagesIn(t.Id)[1].Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_SubscribeTypedInsideAThread_TheThreadGetsThePosts()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var (discord, interactions, gateway) = (fake.Rest, fake.Interactions, fake.Gateway);
        discord.AddThread("111", "777", "Election night");
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();

        using var bot = BotProcess.Start(work.Path, Settings(server, feed, work, "--Admins:0=2001"));
        await Waits.UntilAsync(() => gateway.IsReady, bot, Patience);
        var subscribe = interactions.SlashCommand("subscribe", channelId: "777");
        await gateway.InjectAsync(subscribe);
        await subscribe.WaitForCallbackAsync(Patience);
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");
        await Waits.UntilAsync(() => discord.MessagesIn("777").Count == 1, bot, Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.StartsWith("Reform UK gain Thurrock", discord.MessagesIn("777")[0].Title, StringComparison.Ordinal);
        Assert.Empty(discord.MessagesIn("111"));
    }

    /// <summary>The titles of the results in the forum's posts, in order (each post's opening message left out).</summary>
    private static List<string> Replies(FakeDiscordRest discord) =>
        [.. discord.ThreadsIn(Forum).SelectMany(t => discord.MessagesIn(t.Id).Skip(1)).Select(m => m.Title ?? "")];

    private static string[] Settings(FakeServer server, TempDirectory feed, TempDirectory work, params string[] more) =>
    [
        "--Feed:Source=" + feed.Path,
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
        "--Discord:BotToken=" + Token,
        "--Discord:ApplicationId=" + ApplicationId,
        "--Discord:ForumTitle=" + Night,
        "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
        "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"),
        .. more,
    ];
}
