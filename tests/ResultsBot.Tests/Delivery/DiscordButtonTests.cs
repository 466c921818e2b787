using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>The running bot's "Full result" button, pressed in the fake Discord as a member would, over the Gateway and the Interactions Endpoint.</summary>
public sealed class DiscordButtonTests
{
    private const string Token = "fake-discord-bot-token";
    private const string ApplicationId = "1234567890";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_GatewayMode_FullResultPressedUnderAPost_AnswersThePresserAloneWithTheCouncilsResult()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var (discord, interactions, gateway) = (fake.Rest, fake.Interactions, fake.Gateway);
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");

        using var bot = BotProcess.Start(work.Path, Settings(server, feed, work, "--Discord:Channels=111"));
        await Waits.UntilAsync(() => gateway.IsReady && discord.MessagesIn("111").Count == 1, bot, Patience);
        var post = discord.MessagesIn("111")[0];
        var press = interactions.PressButton(discord.MessageObject(post), "Full result", userId: "2002", channelId: "111");
        await gateway.InjectAsync(press);
        var answer = await press.WaitForCallbackAsync(Patience);
        var garbled = interactions.PressButtonWithId(discord.MessageObject(post), "full:council");
        await gateway.InjectAsync(garbled);
        var refusal = await garbled.WaitForCallbackAsync(Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Equal([("Full result", "full:council/thurrock", false)], post.Buttons);
        Assert.Equal(4, answer.Type);
        Assert.True(answer.Ephemeral);
        Assert.Equal("Reform UK gain Thurrock from Labour", post.Title);
        Assert.Equal("Reform UK gain Thurrock from Labour", answer.Content!.Split('\n')[0]);
        Assert.True(refusal.Ephemeral);
        Assert.Equal("Sorry, I don't recognise that button: it may be from an older version of ResultsBot. Type /help to see what I can answer.", refusal.Content);
        Assert.Empty(discord.Rejections);
        Assert.Single(discord.MessagesIn("111"));
    }

    [Fact]
    public async Task Run_InteractionsMode_SignedPressAnsweredPrivatelyAndAForgedPressRefused401()
    {
        var discord = new FakeDiscordRest(Token);
        var interactions = new FakeDiscordInteractions { BotToken = Token, ApplicationId = ApplicationId };
        await using var server = await FakeServer.StartAsync(discord, interactions);
        using var signer = new FakeDiscordInteractionsSigner();
        using var forger = new FakeDiscordInteractionsSigner();
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");
        var port = FreePorts.Next();
        var endpoint = new Uri($"http://127.0.0.1:{port}/discord/interactions");

        using var bot = BotProcess.Start(work.Path, Settings(server, feed, work, "--Discord:Mode=Interactions", "--Discord:PublicKey=" + signer.PublicKeyHex, $"--urls=http://127.0.0.1:{port}", "--Discord:Channels=111"));
        await Waits.UntilAsync(() => discord.MessagesIn("111").Count == 1 && bot.Stderr.Contains("Web server listening", StringComparison.Ordinal), bot, Patience);
        using var http = new HttpClient();
        var post = discord.MessagesIn("111")[0];
        var press = interactions.PressButton(discord.MessageObject(post), "Full result", channelId: "111");
        var pressStatus = await interactions.DeliverToEndpointAsync(http, endpoint, press, signer);
        var forged = interactions.PressButton(discord.MessageObject(post), "Full result", channelId: "111");
        var forgedStatus = await interactions.DeliverToEndpointAsync(http, endpoint, forged, forger);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Equal(200, pressStatus);
        var answer = await press.Callback;
        Assert.True(answer.Ephemeral);
        Assert.Equal("Reform UK gain Thurrock from Labour", answer.Content!.Split('\n')[0]);
        Assert.Equal(401, forgedStatus);
        Assert.False(forged.Callback.IsCompleted);
    }

    [Fact]
    public async Task Run_GatewayMode_LongAnswerComesInPagesAndNextUpdatesTheMessage()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var (interactions, gateway) = (fake.Interactions, fake.Gateway);
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        SampleNight.CopyInto(feed);

        using var bot = BotProcess.Start(work.Path, Settings(server, feed, work));
        await Waits.UntilAsync(() => gateway.IsReady, bot, Patience);
        FakeDiscordInteractionsCallback first;
        FakeDiscordInteractionsExchange declared;
        using var deadline = new CancellationTokenSource(Patience);
        do
        {
            Assert.False(deadline.IsCancellationRequested, "the bot had not read the whole sample night in time");
            // Until the whole night has been read: then /declared all runs to several pages.
            declared = interactions.SlashCommand("declared", new Dictionary<string, string> { ["filter"] = "all" });
            await gateway.InjectAsync(declared);
            first = await declared.WaitForCallbackAsync(Patience);
        }
        while (FakeDiscordButtons.Of(first.Data!["components"]).Count == 0 || !first.Content!.Contains("107 of 107", StringComparison.Ordinal));

        var next = interactions.PressButton(FakeDiscordInteractions.ResponseMessage(declared), "Next", userId: "2003");
        await gateway.InjectAsync(next);
        var second = await next.WaitForCallbackAsync(Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        var pages = FakeDiscordButtons.Of(first.Data!["components"]);
        Assert.Equal(("Previous", "page:1:/declared all", true), pages[0]);
        Assert.StartsWith("Page 1 of ", pages[1].Label, StringComparison.Ordinal);
        Assert.Equal(("Next", "page:2:/declared all", false), pages[2]);
        Assert.Empty(declared.FollowUps);
        Assert.Equal(7, second.Type);
        Assert.False(second.Ephemeral);
        Assert.NotEqual(first.Content, second.Content);
        Assert.Equal(pages[1].Label.Replace("Page 1", "Page 2", StringComparison.Ordinal), FakeDiscordButtons.Of(second.Data!["components"])[1].Label);
        Assert.InRange(second.Content!.Length, 1, 2000);
    }

    private static string[] Settings(FakeServer server, TempDirectory feed, TempDirectory work, params string[] more) =>
    [
        "--Feed:Source=" + feed.Path,
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
        "--Discord:BotToken=" + Token,
        "--Discord:ApplicationId=" + ApplicationId,
        "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
        "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"),
        .. more,
    ];
}
