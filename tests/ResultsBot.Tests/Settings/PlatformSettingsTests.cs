using Microsoft.Extensions.Configuration;
using ResultsBot.Application.Pipeline;
using ResultsBot.Discord;
using ResultsBot.Discord.Hosting;
using ResultsBot.Settings;
using ResultsBot.Slack;
using ResultsBot.Slack.Hosting;

namespace ResultsBot.Tests.Settings;

public sealed class PlatformSettingsTests
{
    private const string Token = "MTIz.secret-discord-token";

    [Fact]
    public void Read_NoPlatformSettings_RunsWithoutDiscordOrSlack()
    {
        var settings = Read();

        Assert.Null(settings.Discord);
        Assert.Null(settings.Slack);
        Assert.Empty(settings.ConfiguredChannels);
    }

    [Fact]
    public void Read_Discord_TakesItsSectionWithDefaults()
    {
        var settings = Read(("Discord:BotToken", Token), ("Discord:ApplicationId", "1234"), ("Discord:Channels", "111, 222"));

        var discord = settings.Discord!;
        Assert.Equal(DiscordMode.Gateway, discord.Mode);
        Assert.Equal(["111", "222"], discord.Channels);
        Assert.Equal(new Uri("https://discord.com/api/v10"), discord.RestBase);
        Assert.Null(discord.GatewayUrl);
        Assert.Equal(TimeSpan.FromMinutes(1), discord.NonceWindow);
        Assert.Null(discord.Shards); // Discord's recommendation, asked at start
        Assert.Equal(["discord:111", "discord:222"], settings.ConfiguredChannels);
        Assert.DoesNotContain(Token, discord.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DiscordApiBaseEndingInApi_GetsTheVersion()
    {
        var settings = Read(("Discord:BotToken", Token), ("Discord:ApplicationId", "1234"), ("Discord:ApiBaseUrl", "http://127.0.0.1:5000/api"), ("Discord:GatewayUrl", "ws://127.0.0.1:5000/gateway"));

        Assert.Equal(new Uri("http://127.0.0.1:5000/api/v10"), settings.Discord!.RestBase);
        Assert.Equal(new Uri("ws://127.0.0.1:5000/gateway"), settings.Discord.GatewayUrl);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/api/v10")]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/api/v10")]
    [InlineData("http://127.0.0.1:5000/api/", "http://127.0.0.1:5000/api/v10")]
    [InlineData("http://127.0.0.1:5000/api/v10/", "http://127.0.0.1:5000/api/v10")]
    [InlineData("http://127.0.0.1:5000/discord/api/v9", "http://127.0.0.1:5000/discord/api/v9")]
    public void Read_DiscordApiBaseUrl_IsLaidOutAsDiscordIs(string given, string restBase)
    {
        var settings = Read(("Discord:BotToken", Token), ("Discord:ApplicationId", "1234"), ("Discord:ApiBaseUrl", given));

        Assert.Equal(new Uri(restBase), settings.Discord!.RestBase);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/api/chat.postMessage")]
    [InlineData("http://127.0.0.1:5000/api", "http://127.0.0.1:5000/api/chat.postMessage")]
    [InlineData("http://127.0.0.1:5000/api/", "http://127.0.0.1:5000/api/chat.postMessage")]
    [InlineData("http://127.0.0.1:5000/slack/api/", "http://127.0.0.1:5000/slack/api/chat.postMessage")]
    public void Read_SlackApiBaseUrl_IsLaidOutAsSlackIs(string given, string method)
    {
        var settings = Read(("Slack:BotToken", "xoxb-1"), ("Slack:AppToken", "xapp-1"), ("Slack:ApiBaseUrl", given));

        Assert.Equal(new Uri(method), settings.Slack!.MethodUrl("chat.postMessage"));
    }

    [Theory]
    [InlineData("Discord:ApplicationId", "abc", "Discord:ApplicationId 'abc'")]
    [InlineData("Discord:Mode", "Webhook", "Discord:Mode 'Webhook': give one of Gateway, Interactions")]
    [InlineData("Discord:Mode", "Interactions", "Discord:PublicKey: Interactions mode needs")]
    [InlineData("Discord:Channels", "general", "Discord:Channels 'general'")]
    [InlineData("Discord:ApiBaseUrl", "ftp://x", "Discord:ApiBaseUrl 'ftp://x'")]
    [InlineData("Discord:GatewayUrl", "http://x", "Discord:GatewayUrl 'http://x'")]
    [InlineData("Discord:Shards", "0", "Discord:Shards '0': give the number of Gateway shards (a whole number, 1 or more), or leave it out to use the count Discord recommends")]
    [InlineData("Discord:Shards", "two", "Discord:Shards 'two': give the number of Gateway shards")]
    [InlineData("Discord:NonceWindow", "10m", "Discord:NonceWindow '10m': give how long Discord is trusted to remember a post's nonce, from 0s to 5m (e.g. 1m)")]
    public void Read_BadDiscordSetting_FailsNamingTheKeyWithoutTheToken(string key, string value, string expected)
    {
        var error = Assert.Throws<SettingsException>(() => Read(("Discord:BotToken", Token), ("Discord:ApplicationId", "1234"), (key, value)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DiscordShards_IsTheCountAcrossInstances()
    {
        var settings = Read(("Discord:BotToken", Token), ("Discord:ApplicationId", "1234"), ("Discord:Shards", "4"));

        Assert.Equal(4, settings.Discord!.Shards);
    }

    [Fact]
    public void Read_DiscordSettingsWithoutAToken_SaysTheTokenIsMissing()
    {
        var error = Assert.Throws<SettingsException>(() => Read(("Discord:Channels", "111")));

        Assert.StartsWith("Discord:BotToken is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SlackHttpMode_NeedsTheSigningSecretAndAWebServer()
    {
        var noSecret = Assert.Throws<SettingsException>(() => Read(("Slack:BotToken", "xoxb-1"), ("Slack:Mode", "Http")));
        var noServer = Assert.Throws<SettingsException>(() => Read(("Slack:BotToken", "xoxb-1"), ("Slack:Mode", "Http"), ("Slack:SigningSecret", "s")));
        var ok = Read(("Slack:BotToken", "xoxb-1"), ("Slack:Mode", "Http"), ("Slack:SigningSecret", "s"), ("urls", "http://127.0.0.1:0"), ("Slack:Admins:0", "U1"), ("Slack:Channels", "C1"));

        Assert.StartsWith("Slack:SigningSecret", noSecret.Message, StringComparison.Ordinal);
        Assert.Contains("--urls", noServer.Message, StringComparison.Ordinal);
        Assert.Equal(SlackMode.Http, ok.Slack!.Mode);
        Assert.Contains("U1", ok.Slack.Admins);
        Assert.Equal(new Uri("https://slack.com/api/chat.postMessage"), ok.Slack.MethodUrl("chat.postMessage"));
    }

    [Fact]
    public void Read_SlackSocketMode_NeedsTheAppToken()
    {
        var error = Assert.Throws<SettingsException>(() => Read(("Slack:BotToken", "xoxb-1")));

        Assert.StartsWith("Slack:AppToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SubscriptionsWithFilters_AreCheckedAtStart()
    {
        var settings = Read(("Subscriptions:0:Channel", "discord:111"), ("Subscriptions:0:Filter", "region London; changes"));
        var bad = Assert.Throws<SettingsException>(() => Read(("Subscriptions:0:Channel", "discord:111"), ("Subscriptions:0:Filter", "party Pirates")));
        var badChannel = Assert.Throws<SettingsException>(() => Read(("Subscriptions:0:Channel", "#general")));

        var configured = Assert.Single(settings.Subscriptions);
        Assert.Equal("discord:111", configured.Channel);
        Assert.Equal(["London"], configured.Filter.Places);
        Assert.Equal("Subscriptions:0:Filter: I don't know the party \"Pirates\"", bad.Message);
        Assert.StartsWith("Subscriptions:0:Channel '#general'", badChannel.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SubscriptionWithPublish_IsForDiscordChannelsOnly()
    {
        var settings = Read(("Subscriptions:0:Channel", "discord:111"), ("Subscriptions:0:Filter", "changes; publish"));
        var slack = Assert.Throws<SettingsException>(() => Read(("Subscriptions:0:Channel", "slack:C111"), ("Subscriptions:0:Filter", "publish")));

        Assert.True(Assert.Single(settings.Subscriptions).Filter.Publish);
        Assert.Equal("Subscriptions:0:Filter: publish is for Discord announcement channels, whose posts other servers follow; slack:C111 is not on Discord", slack.Message);
    }

    [Fact]
    public void Read_OperationsChannel_CanBeADiscordOrSlackChannel()
    {
        Assert.Equal("slack:C0OPS", Read(("Operations:Channel", "slack:C0OPS")).FeedAlerts.Channel);
        Assert.Throws<SettingsException>(() => Read(("Operations:Channel", "irc:#ops")));
    }

    /// <summary>Later values win, as a later configuration source would.</summary>
    private static Settings Read(params (string Key, string Value)[] values)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var parts = new Dictionary<string, string[]> { [DiscordSettings.Section] = DiscordSettings.Keys, [SlackSettings.Section] = SlackSettings.Keys };
        var discord = DiscordSettings.Read(configuration);
        var slack = SlackSettings.Read(configuration);
        var bot = SettingsReader.Read(configuration, parts);
        return new Settings(bot, discord, slack, [.. (discord?.Channels ?? []).Select(c => "discord:" + c), .. (slack?.Channels ?? []).Select(c => "slack:" + c), .. bot.Subscriptions.Select(s => s.Channel)], bot.Subscriptions);
    }

    /// <summary>What the host gets from the bot's settings and each platform's part.</summary>
    private sealed record Settings(BotSettings Bot, DiscordOptions? Discord, SlackOptions? Slack, IReadOnlyList<string> ConfiguredChannels, IReadOnlyList<ConfiguredSubscription> Subscriptions)
    {
        public FeedAlertPolicy FeedAlerts => Bot.FeedAlerts;
    }
}
