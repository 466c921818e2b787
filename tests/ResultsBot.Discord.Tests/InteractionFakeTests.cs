using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests;

/// <summary>The fake's own rules, so a test passing against it means something.</summary>
public sealed class InteractionFakeTests
{
    [Fact]
    public async Task Callback_LaterThanThreeSeconds_Is404UnknownInteraction()
    {
        var time = new FakeTimeProvider();
        var fake = new FakeDiscordInteractions(time);
        await using var server = await FakeServer.StartAsync(fake);
        using var http = new HttpClient();
        var interaction = fake.SlashCommand("help");
        time.Advance(TimeSpan.FromSeconds(3.5));

        using var response = await http.PostAsync(CallbackUrl(server, interaction), Json("""{"type":4,"data":{"content":"late"}}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("10062", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(interaction.Callback.IsCompleted);
    }

    [Fact]
    public async Task Callback_Twice_SecondIsRefused()
    {
        var fake = new FakeDiscordInteractions();
        await using var server = await FakeServer.StartAsync(fake);
        using var http = new HttpClient();
        var interaction = fake.SlashCommand("help");

        using var first = await http.PostAsync(CallbackUrl(server, interaction), Json("""{"type":5}"""));
        using var second = await http.PostAsync(CallbackUrl(server, interaction), Json("""{"type":4,"data":{"content":"again"}}"""));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(1, interaction.RefusedCallbacks);
        Assert.Equal(5, (await interaction.Callback).Type);
    }

    [Theory]
    [InlineData("""[{"name":"Council","description":"upper case","type":1}]""")]
    [InlineData("""[{"name":"council","description":"","type":1}]""")]
    [InlineData("""[{"name":"has space","description":"d","type":1}]""")]
    [InlineData("""[{"name":"c","description":"d","type":1,"options":[{"name":"a","description":"d","type":3},{"name":"b","description":"d","type":3,"required":true}]}]""")]
    public async Task Registration_OutsideDiscordsRules_Is400(string commands)
    {
        var fake = new FakeDiscordInteractions();
        await using var server = await FakeServer.StartAsync(fake);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(server.BaseUrl, $"/api/v10/applications/{fake.ApplicationId}/commands")) { Content = Json(commands) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + fake.BotToken);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(fake.Registrations);
        Assert.NotNull(fake.LastRegistrationError);
    }

    private static Uri CallbackUrl(FakeServer server, FakeDiscordInteractionsExchange interaction) =>
        new(server.BaseUrl, $"/api/v10/interactions/{interaction.Id}/{interaction.Token}/callback");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
