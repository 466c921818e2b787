using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>The running bot posting a feed into channels of the fake Discord, as a user would run it.</summary>
public sealed class DiscordDeliveryTests
{
    private const string Token = "fake-discord-bot-token";
    private const string ApplicationId = "1234567890";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] Councils = ["Adur", "Barnet", "Barnsley", "Basildon", "Bexley", "Thurrock", "Bolton", "Birmingham"];

    [Fact]
    public async Task Run_FeedIntoTwoChannels_EveryDeclarationBecomesAnEmbedInOrderWithoutA429()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var discord = fake.Rest;
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed([.. Councils.Select(c => $"Local_Test_result_{c}_1.xml")]);

        using var bot = BotProcess.Start(work.Path, Settings(server, feed, work, "--Discord:Channels=111,222"));
        await Waits.UntilAsync(() => discord.MessagesIn("111").Count >= Councils.Length && discord.MessagesIn("222").Count >= Councils.Length, bot, Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        foreach (var channel in new[] { "111", "222" })
        {
            var titles = discord.MessagesIn(channel).Select(m => m.Title).ToList();
            // One poll takes the files in name order, so that is the order of the declarations.
            Assert.Equal(Councils.Order(StringComparer.Ordinal), titles.Select(t => Councils.Single(c => t!.Contains(c, StringComparison.Ordinal))));
        }

        Assert.Equal(0, discord.RateLimitedCount);
        Assert.Empty(discord.Rejections);
        Assert.DoesNotContain(Token, bot.Stderr + bot.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ChannelDeletedMidNight_IsPausedAndReportedWhileTheOthersCarryOn()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var discord = fake.Rest;
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        discord.DeleteChannel("222");
        feed.CopyFeed([.. Councils[..4].Select(c => $"Local_Test_result_{c}_1.xml")]);

        using var bot = BotProcess.Start(work.Path, Settings(server, feed, work, "--Discord:Channels=111,222,333", "--Operations:Channel=discord:333"));
        await Waits.UntilAsync(() => discord.MessagesIn("111").Count >= 4, bot, Patience);
        await Waits.UntilAsync(() => discord.MessagesIn("333").Any(m => m.Title == "Channel discord:222 paused"), bot, Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Contains("Channel discord:222 paused: ", bot.Stderr, StringComparison.Ordinal);
        Assert.Contains("Unknown Channel", bot.Stderr, StringComparison.Ordinal);
        Assert.Equal(4, discord.MessagesIn("111").Count);
        Assert.Empty(discord.MessagesIn("222"));
    }

    [Fact]
    public async Task Run_GatewayMode_RegistersCommandsAndAnswersSlashCommandsAndAutocomplete()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var (discord, interactions, gateway) = (fake.Rest, fake.Interactions, fake.Gateway);
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");

        using var bot = BotProcess.Start(work.Path, Settings(server, feed, work, "--Discord:Channels=111"));
        await Waits.UntilAsync(() => gateway.IsReady && interactions.Registrations.Count > 0 && discord.MessagesIn("111").Count == 1, bot, Patience);
        var council = interactions.SlashCommand("council", new Dictionary<string, string> { ["name"] = "thurrock" });
        await gateway.InjectAsync(council);
        var answer = await council.WaitForCallbackAsync(Patience);
        var ping = interactions.SlashCommand("council", new Dictionary<string, string> { ["name"] = "@everyone <@&123> @here" });
        await gateway.InjectAsync(ping);
        var pingAnswer = await ping.WaitForCallbackAsync(Patience);
        var complete = interactions.Autocomplete("council", "name", "thur");
        await gateway.InjectAsync(complete);
        var choices = await complete.WaitForCallbackAsync(Patience);
        var subscribe = interactions.SlashCommand("subscribe", new Dictionary<string, string> { ["filters"] = "region London" }, permissions: "0");
        await gateway.InjectAsync(subscribe);
        var refused = await subscribe.WaitForCallbackAsync(Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Equal(4, answer.Type);
        Assert.StartsWith("Reform UK gain Thurrock", answer.Content, StringComparison.Ordinal);
        Assert.Equal("""{"parse":[]}""", answer.Data!["allowed_mentions"]!.ToJsonString());
        Assert.True(answer.Elapsed < TimeSpan.FromSeconds(3));
        Assert.DoesNotContain("@everyone", pingAnswer.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", pingAnswer.Content, StringComparison.Ordinal);
        Assert.Equal("""{"parse":[]}""", pingAnswer.Data!["allowed_mentions"]!.ToJsonString());
        Assert.Equal(8, choices.Type);
        Assert.Equal("Thurrock", choices.Data!["choices"]![0]!["name"]!.ToString());
        Assert.True(refused.Ephemeral);
        Assert.Contains($"https://discord.com/oauth2/authorize?client_id={ApplicationId}&scope=bot+applications.commands&permissions=274878024704", bot.Stderr, StringComparison.Ordinal);
        var names = interactions.Registrations[^1].Commands.Select(c => c!["name"]!.ToString()).ToList();
        Assert.Contains("council", names);
        Assert.Contains("subscribe", names);
    }

    [Fact]
    public async Task Run_InteractionsMode_SignedRequestsAnsweredAndForgedOnesRefused()
    {
        var discord = new FakeDiscordRest(Token);
        var interactions = new FakeDiscordInteractions { BotToken = Token, ApplicationId = ApplicationId };
        await using var server = await FakeServer.StartAsync(discord, interactions);
        using var signer = new FakeDiscordInteractionsSigner();
        using var forger = new FakeDiscordInteractionsSigner();
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var port = FreePorts.Next();
        var endpoint = new Uri($"http://127.0.0.1:{port}/discord/interactions");

        using var bot = BotProcess.Start(work.Path, Settings(server, feed, work, "--Discord:Mode=Interactions", "--Discord:PublicKey=" + signer.PublicKeyHex, $"--urls=http://127.0.0.1:{port}"));
        await bot.WaitForOutputAsync(_ => bot.Stderr.Contains("Web server listening", StringComparison.Ordinal), Patience, "the web server");
        using var http = new HttpClient();
        var ping = interactions.Ping();
        var pingStatus = await interactions.DeliverToEndpointAsync(http, endpoint, ping, signer);
        var help = interactions.SlashCommand("help");
        var helpStatus = await interactions.DeliverToEndpointAsync(http, endpoint, help, signer);
        var forged = await interactions.DeliverToEndpointAsync(http, endpoint, interactions.SlashCommand("help"), forger);
        using var unsigned = await http.PostAsync(endpoint, new StringContent("""{"type":1}""", System.Text.Encoding.UTF8, "application/json"));
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Equal(200, pingStatus);
        Assert.Equal(1, (await ping.Callback).Type);
        Assert.Equal(200, helpStatus);
        Assert.Contains("/council", (await help.Callback).Content, StringComparison.Ordinal);
        Assert.Equal(401, forged);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Fact]
    public async Task Run_ChannelTakenOutOfTheSettings_GetsNothingAfterARestartWhileASubscribedOneStays()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var (discord, interactions, gateway) = (fake.Rest, fake.Interactions, fake.Gateway);
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Adur_1.xml");

        using (var first = BotProcess.Start(work.Path, Settings(server, feed, work, "--Discord:Channels=111,222", "--Admins:0=2001")))
        {
            await Waits.UntilAsync(() => gateway.IsReady && discord.MessagesIn("111").Count == 1 && discord.MessagesIn("222").Count == 1, first, Patience);
            var subscribe = interactions.SlashCommand("subscribe", channelId: "333");
            await gateway.InjectAsync(subscribe);
            await subscribe.WaitForCallbackAsync(Patience);
            first.Signal("TERM");
            await first.WaitForExitAsync(Patience);
        }

        using var second = BotProcess.Start(work.Path, Settings(server, feed, work, "--Discord:Channels=111", "--Admins:0=2001"));
        feed.CopyFeed("Local_Test_result_Barnet_1.xml");
        await Waits.UntilAsync(() => discord.MessagesIn("111").Count == 2 && discord.MessagesIn("333").Count == 1, second, Patience);
        await Task.Delay(500, CancellationToken.None);
        second.Signal("TERM");
        await second.WaitForExitAsync(Patience);

        Assert.Single(discord.MessagesIn("222"));
        Assert.Contains("Barnet", discord.MessagesIn("333")[0].Title, StringComparison.Ordinal);
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
