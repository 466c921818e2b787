using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Discord;
using ResultsBot.Slack;

namespace ResultsBot.Chat;

/// <summary>
/// Says at start where the bot posts and how it takes commands, and prints the Discord invite URL with the
/// scopes and permissions it needs, so adding it to a server is one click.
/// </summary>
internal sealed class PlatformStartupLog(DiscordOptions? discord, SlackOptions? slack, ILogger<PlatformStartupLog> logger) : IHostedService
{
    /// <summary>
    /// View Channel, Send Messages, Embed Links, Attach Files (the pictures), Read Message History: nothing more
    /// is needed to post embeds with their pictures.
    /// </summary>
    public const long DiscordPermissions = (1L << 10) | (1L << 11) | (1L << 14) | (1L << 15) | (1L << 16);

    public static string InviteUrl(string applicationId) =>
        $"https://discord.com/oauth2/authorize?client_id={applicationId}&scope=bot+applications.commands&permissions={DiscordPermissions}";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (discord is not null)
        {
            logger.LogInformation(
                "Discord: posting to {Count} configured channels; commands by {Mode}. Invite the bot with {Invite}",
                discord.Channels.Count,
                discord.Mode == DiscordMode.Gateway ? "the Gateway" : "the Interactions Endpoint POST /discord/interactions",
                InviteUrl(discord.ApplicationId ?? "APPLICATION_ID"));
        }

        if (slack is not null)
        {
            logger.LogInformation(
                "Slack: posting to {Count} configured channels; /results by {Mode}",
                slack.Channels.Count,
                slack.Mode == SlackMode.SocketMode ? "Socket Mode" : "POST /slack/commands");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
