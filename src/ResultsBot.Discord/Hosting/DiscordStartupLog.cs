using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ResultsBot.Discord.Hosting;

/// <summary>
/// Says at start where the bot posts on Discord and how it takes commands, and prints the invite URL with the
/// scopes and permissions it needs, so adding it to a server is one click.
/// </summary>
internal sealed class DiscordStartupLog(DiscordOptions discord, ILogger<DiscordStartupLog> logger) : IHostedService
{
    /// <summary>
    /// View Channel, Send Messages (which also opens posts in a forum), Embed Links, Attach Files (the pictures), Read
    /// Message History (to find a post sent just before a crash), Send Messages in Threads (threads and forum posts
    /// do not inherit Send Messages): nothing more is needed to post embeds with their pictures, in channels,
    /// threads and forums.
    /// </summary>
    public const long Permissions = (1L << 10) | (1L << 11) | (1L << 14) | (1L << 15) | (1L << 16) | (1L << 38);

    public static string InviteUrl(string applicationId) =>
        $"https://discord.com/oauth2/authorize?client_id={applicationId}&scope=bot+applications.commands&permissions={Permissions}";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "Discord: posting to {Count} configured channels; commands by {Mode}. Invite the bot with {Invite}",
            discord.Channels.Count,
            discord.Mode == DiscordMode.Gateway ? "the Gateway" : "the Interactions Endpoint POST /discord/interactions",
            InviteUrl(discord.ApplicationId ?? "APPLICATION_ID"));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
