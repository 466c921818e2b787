using Microsoft.Extensions.Logging;
using ResultsBot.Chat;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.Hosting;

/// <summary>auth.test as the bot starts: a refused token is an error in the first second, not at the first result.</summary>
internal sealed class SlackSignIn(SlackWebApiClient slack, ILogger<SlackSignIn> logger) : BackgroundSignIn
{
    protected override async Task SignInAsync(CancellationToken cancellationToken)
    {
        try
        {
            var me = await slack.AuthTestAsync(cancellationToken);
            if (me.Ok)
            {
                logger.LogInformation("Slack: signed in as {Name} in {Team}", me.User, me.Team);
            }
            else if (me.Kind == SlackErrorKind.Auth)
            {
                logger.LogError("Slack refused the bot token ({Error}): check Slack:BotToken (the xoxb- token under OAuth & Permissions); nothing can be posted until it is right", me.Error);
            }
            else
            {
                logger.LogWarning("Slack did not say who the bot is: {Error}", me.Error);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or SlackUnavailableException)
        {
            logger.LogWarning("Could not reach Slack to check the bot token: {Problem}", e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
