using System.Net;
using Microsoft.Extensions.Logging;
using ResultsBot.Chat;
using ResultsBot.Discord.Rest;
using ResultsBot.Discord.Wire;

namespace ResultsBot.Discord.Hosting;

/// <summary>GET /users/@me as the bot starts: a refused token is an error in the first second, not at the first result.</summary>
internal sealed class DiscordSignIn(DiscordRestClient discord, ILogger<DiscordSignIn> logger) : BackgroundSignIn
{
    protected override async Task SignInAsync(CancellationToken cancellationToken)
    {
        try
        {
            var me = await discord.SendAsync(HttpMethod.Get, "users/@me", null, cancellationToken);
            if (me.IsSuccess)
            {
                var user = me.Read(DiscordJsonContext.Default.DiscordUser);
                logger.LogInformation("Discord: signed in as {Name} ({Id})", user?.Username, user?.Id);
            }
            else if (me.Status == HttpStatusCode.Unauthorized)
            {
                logger.LogError("Discord refused the bot token (401): check Discord:BotToken (Developer Portal → Bot → Reset Token); nothing can be posted until it is right");
            }
            else
            {
                logger.LogWarning("Discord did not say who the bot is: {Status} {Error}", (int)me.Status, me.ErrorText);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            logger.LogWarning("Could not reach Discord to check the bot token: {Problem}", e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
