using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Discord.Interactions;
using ResultsBot.Discord.Tests.Fakes;
using ResultsBot.Discord.Tests.Support;
using ResultsBot.Domain.Commands;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests;

/// <summary>/map, /chamber and /chart answered with their picture, over the Gateway and the Interactions Endpoint.</summary>
public sealed class InteractionPictureTests : IAsyncLifetime, IDisposable
{
    private readonly FakeDiscordInteractions _fake = new();
    private readonly FakeDiscordInteractionsSigner _signer = new();
    private readonly InteractionTestBot _bot = new();
    private readonly HttpClient _http = new();
    private FakeServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeServer.StartAsync(_fake);
        _bot.Answer = (request, _) => Task.FromResult(new CommandAnswer("The night so far: 12 of 107 councils declared.") { Picture = new PictureRequest(PictureKind.Map) });
        _bot.Picture = request => request.Kind == PictureKind.Map ? SamplePictures.Map() : null;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _signer.Dispose();
    }

    [Fact]
    public async Task Map_OverTheGateway_TheCallbackCarriesThePictureWithItsAltText()
    {
        var interaction = _fake.SlashCommand("map");

        await Handler().HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);

        var callback = await interaction.WaitForCallbackAsync();
        Assert.Equal(4, callback.Type);
        Assert.Equal("The night so far: 12 of 107 councils declared.", callback.Content);
        var picture = Assert.Single(callback.Attachments);
        Assert.Equal(("map.png", SamplePictures.Map().AltText), (picture.FileName, picture.Description));
        Assert.Equal(SamplePictures.Map().Png, picture.Bytes);
        Assert.Empty(interaction.OriginalEdits);
    }

    [Fact]
    public async Task Map_SlowAnswer_TheEditOfTheDeferredResponseCarriesThePicture()
    {
        var release = new TaskCompletionSource();
        _bot.Answer = async (_, _) =>
        {
            await release.Task;
            return new CommandAnswer("The night so far.") { Picture = new PictureRequest(PictureKind.Map) };
        };
        var interaction = _fake.SlashCommand("map");

        var handling = new DiscordInteractionHandler(InteractionTestOptions.For(_server, _fake), _http, _bot, TimeProvider.System, NullPlatformMonitor.Instance, NullLogger<DiscordInteractionHandler>.Instance)
        {
            DeferAfter = TimeSpan.FromMilliseconds(100),
        }.HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);
        Assert.Equal(5, (await interaction.WaitForCallbackAsync()).Type);
        release.SetResult();
        await handling;

        var edit = Assert.Single(interaction.OriginalEdits);
        Assert.Equal("The night so far.", (string?)edit["content"]);
        Assert.Equal(SamplePictures.Map().AltText, Assert.Single(interaction.OriginalAttachments).Description);
    }

    [Fact]
    public async Task Chamber_OverTheInteractionsEndpoint_TextInTheResponseThenThePictureByAnEditOfIt()
    {
        _bot.Answer = (_, _) => Task.FromResult(new CommandAnswer("Rushmoor: Labour 22 of 39.") { Picture = new PictureRequest(PictureKind.Chamber, "Rushmoor") });
        _bot.Picture = _ => SamplePictures.Chamber();
        await using var endpoint = await Endpoint.StartAsync(_server, _fake, _signer, _bot, _http);
        var command = _fake.SlashCommand("chamber", new Dictionary<string, string> { ["council"] = "Rushmoor" });

        Assert.Equal(200, await _fake.DeliverToEndpointAsync(_http, endpoint.Url, command, _signer));
        await command.WaitForMessagesAsync(0, edits: 1);

        Assert.Equal("Rushmoor: Labour 22 of 39.", (await command.Callback).Content);
        var picture = Assert.Single(command.OriginalAttachments);
        Assert.Equal(("chamber.png", SamplePictures.Chamber().AltText), (picture.FileName, picture.Description));
        Assert.Equal(SamplePictures.Chamber().Png, picture.Bytes);
    }

    [Fact]
    public async Task Problem_AskingForAPicture_GetsNoneAndStaysEphemeral()
    {
        _bot.Answer = (_, _) => Task.FromResult(CommandAnswer.Problem("Narnia has not declared.") with { Picture = new PictureRequest(PictureKind.Chamber, "Narnia") });
        var drawn = 0;
        _bot.Picture = _ =>
        {
            drawn++;
            return SamplePictures.Chamber();
        };
        var interaction = _fake.SlashCommand("chamber", new Dictionary<string, string> { ["council"] = "Narnia" });

        await Handler().HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);

        var callback = await interaction.WaitForCallbackAsync();
        Assert.True(callback.Ephemeral);
        Assert.Empty(callback.Attachments);
        Assert.Equal(0, drawn);
    }

    [Fact]
    public async Task Chart_PictureCouldNotBeDrawn_TheTextGoesAlone()
    {
        _bot.Picture = _ => null;
        var interaction = _fake.SlashCommand("chart");

        await Handler().HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);

        var callback = await interaction.WaitForCallbackAsync();
        Assert.Equal("The night so far: 12 of 107 councils declared.", callback.Content);
        Assert.Empty(callback.Attachments);
    }

    [Fact]
    public async Task Map_PictureRefusedByDiscord_TheAnswerGoesAsTextAlone()
    {
        _fake.MaxUploadBytes = 100; // the map is bigger: Discord answers 413
        var interaction = _fake.SlashCommand("map");

        await Handler().HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);

        var callback = await interaction.WaitForCallbackAsync();
        Assert.Equal("The night so far: 12 of 107 councils declared.", callback.Content);
        Assert.Empty(callback.Attachments);
    }

    [Fact]
    public async Task Map_SlowAnswerWhosePictureIsRefused_TheDeferredResponseIsStillEditedWithTheText()
    {
        _fake.MaxUploadBytes = 100;
        var release = new TaskCompletionSource();
        _bot.Answer = async (_, _) =>
        {
            await release.Task;
            return new CommandAnswer("The night so far.") { Picture = new PictureRequest(PictureKind.Map) };
        };
        var interaction = _fake.SlashCommand("map");

        var handling = new DiscordInteractionHandler(InteractionTestOptions.For(_server, _fake), _http, _bot, TimeProvider.System, NullPlatformMonitor.Instance, NullLogger<DiscordInteractionHandler>.Instance)
        {
            DeferAfter = TimeSpan.FromMilliseconds(100),
        }.HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);
        Assert.Equal(5, (await interaction.WaitForCallbackAsync()).Type);
        release.SetResult();
        await handling;

        Assert.Equal("The night so far.", (string?)Assert.Single(interaction.OriginalEdits)["content"]);
        Assert.Empty(interaction.OriginalAttachments);
    }

    [Fact]
    public async Task FakeCallback_EmbedNamingAFileNotUploaded_Is400()
    {
        var interaction = _fake.SlashCommand("map");
        var payload = """{"type":4,"data":{"embeds":[{"title":"Map","image":{"url":"attachment://chart.png"}}]}}""";
        var url = new Uri(_server.BaseUrl, $"/api/v10/interactions/{interaction.Id}/{interaction.Token}/callback");

        using var response = await _http.PostAsync(url, FakeDiscordUploadTests.Multipart(payload, ("files[0]", "map.png", SamplePictures.Map().Png)));

        await FakeDiscordUploadTests.ErrorAsync(response, HttpStatusCode.BadRequest, 50035);
        Assert.False(interaction.Callback.IsCompleted);
    }

    [Fact]
    public async Task FakeFollowUp_FileOverTheLimit_Is413()
    {
        var interaction = _fake.SlashCommand("map");
        await Handler().HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);
        var url = new Uri(_server.BaseUrl, $"/api/v10/webhooks/{_fake.ApplicationId}/{interaction.Token}");

        using var response = await _http.PostAsync(url, FakeDiscordUploadTests.Multipart("""{"content":"x"}""", ("files[0]", "big.png", new byte[(10 * 1024 * 1024) + 1])));

        await FakeDiscordUploadTests.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, 40005);
        Assert.Empty(interaction.FollowUps);
    }

    private DiscordInteractionHandler Handler() =>
        new(InteractionTestOptions.For(_server, _fake), _http, _bot, TimeProvider.System, NullPlatformMonitor.Instance, NullLogger<DiscordInteractionHandler>.Instance);

    /// <summary>The bot's Interactions Endpoint on its own Kestrel server.</summary>
    private sealed class Endpoint(WebApplication app, Uri url) : IAsyncDisposable
    {
        public Uri Url => url;

        public static async Task<Endpoint> StartAsync(FakeServer discord, FakeDiscordInteractions fake, FakeDiscordInteractionsSigner signer, IBotCommands bot, HttpClient http)
        {
            var options = InteractionTestOptions.For(discord, fake, publicKey: signer.PublicKeyHex, mode: DiscordMode.Interactions);
            var handler = new DiscordInteractionHandler(options, http, bot, TimeProvider.System, NullPlatformMonitor.Instance, NullLogger<DiscordInteractionHandler>.Instance);
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.MapDiscordInteractions(handler, options, TimeProvider.System);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Endpoint(app, new Uri(new Uri(address), DiscordInteractionsEndpoint.DefaultPath));
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
