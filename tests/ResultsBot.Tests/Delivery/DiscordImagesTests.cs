using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>The running bot posting the sample night into Discord channels with pictures, as a user would run it.</summary>
public sealed class DiscordImagesTests
{
    private const string Token = "fake-discord-bot-token";
    private const string ApplicationId = "1234567890";
    private const string ImagesOn = "111";
    private const string Default = "222";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Run_SampleNightIntoAChannelWithImagesOn_EveryPostOnceInOrderWithItsMapAndChamberAndAltText()
    {
        using var fake = new FakeDiscord(Token, ApplicationId, DiscordImageRuns.RoomyLimits);
        var discord = fake.Rest;
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        SampleNight.CopyInto(feed);

        using var bot = BotProcess.Start(work.Path, DiscordImageRuns.Settings(server, feed, work, Token, ApplicationId, ImagesOn, "--Discord:Channels=" + Default));
        await Waits.UntilAsync(() => discord.MessagesIn(ImagesOn).Count >= SampleNight.Posts && discord.MessagesIn(Default).Count >= SampleNight.Posts, bot, Patience, "the whole night in both channels");
        await Task.Delay(1000, CancellationToken.None); // a repeat, if there were one, would come now
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Empty(discord.Rejections);
        Assert.Equal(0, discord.RateLimitedCount);
        var problems = SampleNight.ProblemsWithImagesOn(discord.MessagesIn(ImagesOn));
        Assert.True(problems is null, problems + "\nstderr:\n" + bot.Stderr);

        // A channel that said nothing about pictures gets the map with the milestones only.
        var byDefault = discord.MessagesIn(Default);
        Assert.Equal(SampleNight.Posts, byDefault.Count);
        Assert.Equal(4, byDefault.Count(m => m.Attachments.Count > 0));
        Assert.All(byDefault.Where(m => m.Attachments.Count > 0), m => Assert.Equal("map.png", Assert.Single(m.Attachments).FileName));
        Assert.All(byDefault.Where(m => m.Attachments.Count > 0), m => Assert.Contains("councils", m.Title!, StringComparison.Ordinal));

        // The bot's status follows the milestones (a night read in one go shows its last), sent as a Presence Update
        // or, before the Gateway session began, with its Identify.
        var presences = fake.Gateway.Presences;
        var status = presences.Count > 0 ? presences[^1] : fake.Gateway.LastIdentify?["presence"]?.AsObject();
        Assert.Equal("107 of 107 councils declared", status?["activities"]?[0]?["name"]?.GetValue<string>());
        Assert.Equal(3, status!["activities"]![0]!["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task Run_RevisionOfAResultWithPictures_EditsTheOriginalSoItsPicturesAreTheRevisedOnes()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var discord = fake.Rest;
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Bolton_1.xml");

        using var bot = BotProcess.Start(work.Path, DiscordImageRuns.Settings(server, feed, work, Token, ApplicationId, ImagesOn));
        await Waits.UntilAsync(() => discord.MessagesIn(ImagesOn).Count == 1, bot, Patience, "the first result");
        var before = discord.MessagesIn(ImagesOn)[0];
        feed.CopyFeed("Local_Test_result_Bolton_2.xml");
        await Waits.UntilAsync(() => discord.MessagesIn(ImagesOn).Count == 2, bot, Patience, "the correction");
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        var original = discord.MessagesIn(ImagesOn)[0];
        Assert.StartsWith("Correction", original.Title, StringComparison.Ordinal);
        var oldChamber = before.Attachments.Single(a => a.FileName == "chamber.png");
        var newChamber = original.Attachments.Single(a => a.FileName == "chamber.png");
        Assert.NotEqual(oldChamber.Description, newChamber.Description);
        Assert.NotEqual(oldChamber.Bytes, newChamber.Bytes);
        Assert.Equal("attachment://" + original.Attachments[0].FileName, original.ImageUrl);
        Assert.DoesNotContain(original.Attachments, a => a.Id == oldChamber.Id);
        Assert.Empty(discord.MessagesIn(ImagesOn)[1].Attachments); // the reply note
        Assert.Empty(discord.Rejections);
    }

    [Fact]
    public async Task Run_RevisionOfAResultThatWentOutInADigest_EditsTheDigestWithoutAddingAPicture()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var discord = fake.Rest;
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Bolton_1.xml", "Local_Test_result_Greenwich_1.xml");

        using var bot = BotProcess.Start(work.Path, [.. DiscordImageRuns.Settings(server, feed, work, Token, ApplicationId, ImagesOn), "--Subscriptions:0:Filter=images on; digest 5s"]);
        await Waits.UntilAsync(() => discord.MessagesIn(ImagesOn).Count == 1, bot, Patience, "the digest");
        feed.CopyFeed("Local_Test_result_Bolton_2.xml");
        await Waits.UntilAsync(() => discord.MessagesIn(ImagesOn).Count == 2, bot, Patience, "the correction's note");
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        var digest = discord.MessagesIn(ImagesOn)[0];
        Assert.True(digest.Edited, "the digest was not edited");
        Assert.Empty(digest.Attachments);
        Assert.Null(digest.ImageUrl);
        Assert.Empty(discord.Rejections);
    }

    [Fact]
    public async Task Run_GatewayMode_MapAndChamberAnswerWithTheirPictureAndAltText()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var (discord, interactions, gateway) = (fake.Rest, fake.Interactions, fake.Gateway);
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Bolton_1.xml");

        using var bot = BotProcess.Start(work.Path, DiscordImageRuns.Settings(server, feed, work, Token, ApplicationId, ImagesOn));
        await Waits.UntilAsync(() => gateway.IsReady && interactions.Registrations.Count > 0 && discord.MessagesIn(ImagesOn).Count == 1, bot, Patience, "the bot ready and Bolton posted");
        var map = interactions.SlashCommand("map");
        await gateway.InjectAsync(map);
        var mapAnswer = await map.WaitForCallbackAsync(Patience);
        var chamber = interactions.SlashCommand("chamber", new Dictionary<string, string> { ["name"] = "Bolton" });
        await gateway.InjectAsync(chamber);
        var chamberAnswer = await chamber.WaitForCallbackAsync(Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        var mapPicture = Assert.Single(mapAnswer.Attachments);
        Assert.Equal("map.png", mapPicture.FileName);
        Assert.True(mapPicture.IsPng);
        Assert.StartsWith("Council control tonight: hex map of Great Britain's councils", mapPicture.Description, StringComparison.Ordinal);
        var chamberPicture = Assert.Single(chamberAnswer.Attachments);
        Assert.Equal("chamber.png", chamberPicture.FileName);
        Assert.StartsWith("Bolton: the new council as a half circle of 60 seats", chamberPicture.Description, StringComparison.Ordinal);
        Assert.False(chamberAnswer.Ephemeral);
    }

    [Fact]
    public async Task Run_InteractionsMode_ChartAnswersWithTheTextThenThePictureAddedToIt()
    {
        var discord = new FakeDiscordRest(Token);
        var interactions = new FakeDiscordInteractions { BotToken = Token, ApplicationId = ApplicationId };
        await using var server = await FakeServer.StartAsync(discord, interactions);
        using var signer = new FakeDiscordInteractionsSigner();
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Bolton_1.xml");
        var port = FreePorts.Next();
        var endpoint = new Uri($"http://127.0.0.1:{port}/discord/interactions");

        using var bot = BotProcess.Start(work.Path, DiscordImageRuns.Settings(
            server, feed, work, Token, ApplicationId, ImagesOn, "--Discord:Mode=Interactions", "--Discord:PublicKey=" + signer.PublicKeyHex, $"--urls=http://127.0.0.1:{port}"));
        await Waits.UntilAsync(() => discord.MessagesIn(ImagesOn).Count == 1 && bot.Stderr.Contains("Web server listening", StringComparison.Ordinal), bot, Patience, "the web server and Bolton posted");
        using var http = new HttpClient();
        var chart = interactions.SlashCommand("chart");
        Assert.Equal(200, await interactions.DeliverToEndpointAsync(http, endpoint, chart, signer));
        await chart.WaitForMessagesAsync(0, edits: 1, Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Equal(4, (await chart.Callback).Type);
        Assert.False(string.IsNullOrEmpty((await chart.Callback).Content));
        var picture = Assert.Single(chart.OriginalAttachments);
        Assert.Equal("chart.png", picture.FileName);
        Assert.True(picture.IsPng);
        Assert.False(string.IsNullOrWhiteSpace(picture.Description));
    }
}
