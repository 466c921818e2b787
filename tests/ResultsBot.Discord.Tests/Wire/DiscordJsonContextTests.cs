using System.Net;
using System.Text;
using System.Text.Json;
using ResultsBot.Discord.Gateway;
using ResultsBot.Discord.Rest;
using ResultsBot.Discord.Wire;

namespace ResultsBot.Discord.Tests.Wire;

public sealed class DiscordJsonContextTests
{
    [Fact]
    public void Interaction_WithFieldsDiscordAddedSince_IsReadAndTheNewFieldsSkipped()
    {
        const string Json = """
            {"id":"7","application_id":"1","type":2,"token":"tok","version":1,"locale":"en-GB",
             "entitlements":[],"authorizing_integration_owners":{"0":"42"},"context":0,
             "data":{"id":"99","name":"council","type":1,"options":[{"name":"name","type":3,"value":"Hull"}],"resolved":{}},
             "member":{"user":{"id":"55","username":"ann","global_name":"Ann"},"permissions":"16","roles":["3"]},
             "channel":{"id":"8","type":0},"channel_id":"8","guild_id":"9","app_permissions":"117760"}
            """;

        var interaction = JsonSerializer.Deserialize(Json, DiscordJsonContext.Default.DiscordInteraction)!;

        Assert.Equal(("7", "1", 2, "tok"), (interaction.Id, interaction.ApplicationId, interaction.Type, interaction.Token));
        Assert.Equal("council", interaction.Data!.Name);
        Assert.Equal("Hull", Assert.Single(interaction.Data.Options!).Text);
        Assert.Equal(("55", "16"), (interaction.Member!.User!.Id, interaction.Member.Permissions));
        Assert.Equal(("8", "9", "117760"), (interaction.ChannelId, interaction.GuildId, interaction.AppPermissions));
    }

    [Theory]
    [InlineData("\"Hull\"", "Hull")]
    [InlineData("3", "3")]
    [InlineData("2.5", "2.5")]
    [InlineData("true", "true")]
    [InlineData("null", "")]
    public void OptionValue_OfAnyType_IsReadAsTheTextTheCommandsTake(string value, string text)
    {
        var option = JsonSerializer.Deserialize($$"""{"name":"n","value":{{value}}}""", DiscordJsonContext.Default.DiscordInteractionOption)!;

        Assert.Equal(text, option.Text);
    }

    [Fact]
    public void Heartbeat_BeforeAnySequence_SendsNullData()
    {
        Assert.Equal("""{"op":1,"d":null}""", Encoding.UTF8.GetString(GatewayCommands.Heartbeat(null)));
        Assert.Equal("""{"op":1,"d":42}""", Encoding.UTF8.GetString(GatewayCommands.Heartbeat(42)));
    }

    [Fact]
    public void Identify_WithoutAStatusYet_LeavesPresenceOut()
    {
        var identify = new GatewayIdentify("t", 0, new GatewayIdentifyProperties("linux", "ResultsBot", "ResultsBot"), null);

        Assert.Equal(
            """{"op":2,"d":{"token":"t","intents":0,"properties":{"os":"linux","browser":"ResultsBot","device":"ResultsBot"}}}""",
            Encoding.UTF8.GetString(GatewayCommands.Identify(identify)));
    }

    [Fact]
    public void GatewayPayload_BareBooleanDataAndUnknownFields_KeepsTheDataAsSent()
    {
        var payload = JsonSerializer.Deserialize("""{"op":9,"d":false,"s":null,"t":null,"extra":[1]}""", DiscordJsonContext.Default.GatewayPayload)!;

        Assert.Equal(9, payload.Op);
        Assert.Equal(JsonValueKind.False, payload.D!.Value.ValueKind);
    }

    [Fact]
    public void Error_InvalidFormBody_SaysTheFirstRefusedFieldByItsPath()
    {
        var response = new DiscordResponse(
            HttpStatusCode.BadRequest,
            """{"code":50035,"message":"Invalid Form Body","errors":{"embeds":{"0":{"title":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 256 or fewer in length."}]}}}}}""");

        Assert.Equal(50035, response.ErrorCode);
        Assert.Equal("Invalid Form Body: embeds.0.title: Must be 256 or fewer in length. (BASE_TYPE_MAX_LENGTH)", response.ErrorText);
    }

    [Fact]
    public void Error_NotJson_SaysTheStatus()
    {
        var response = new DiscordResponse(HttpStatusCode.BadGateway, "<html>bad gateway</html>");

        Assert.Null(response.ErrorCode);
        Assert.Equal("502 BadGateway", response.ErrorText);
    }
}
