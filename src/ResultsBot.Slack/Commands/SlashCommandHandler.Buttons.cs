using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Commands;
using ResultsBot.Platforms;

namespace ResultsBot.Slack.Commands;

/// <summary>
/// "Full result" under a declaration post, and Previous/Next under a long private answer (block_actions, over HTTP or
/// Socket Mode). Each press runs its command again, as the presser, so the answer is what that command gives now: a
/// result corrected since the post went out is shown corrected. As on Discord, "Full result" answers the presser alone
/// with what /council (or /mayor, /pcc, /seat) gives for that place — a new private message at the press's
/// response_url, leaving the post as it is — and a page replaces the private answer it was pressed under.
/// </summary>
public sealed partial class SlashCommandHandler
{
    internal const string UnknownResultText = "Sorry, I can't tell which result that button is for: it may be from an older version of ResultsBot. Type /results council NAME to ask for a council's result.";

    /// <summary>Who pressed, where (the workspace too, in many-workspace mode) and where the answer goes.</summary>
    private sealed record Press(string UserId, string ChannelId, string? TeamId, string? ResponseUrl);

    private async Task FullResultAsync(string? subject, Press press)
    {
        if (FullResultCommand.For(subject) is not { } command)
        {
            _logger.LogWarning("A Slack Full result press named no result the bot knows; the presser is told");
            await _responseUrl.PostAsync(press.ResponseUrl, Problem(UnknownResultText), CancellationToken.None);
            return;
        }

        var answer = await RunCommandAsync(RequestFor(command, press));
        var response = (answer.Ok ? SlackCommandAnswerRenderer.RenderPage(answer, command, page: 1) : Problem(answer.Text)) with { Picture = answer.Picture };
        if (await _responseUrl.PostAsync(press.ResponseUrl, response, CancellationToken.None))
        {
            await SendPictureAsync(press.ResponseUrl, response, press.TeamId);
        }
    }

    private async Task TurnPageAsync(int page, string command, Press press)
    {
        var answer = await RunCommandAsync(RequestFor(command, press));
        if (!answer.Ok)
        {
            // The page stays as it is; the problem is said to the presser alone, under it.
            await _responseUrl.PostAsync(press.ResponseUrl, Problem(answer.Text), CancellationToken.None);
            return;
        }

        // The answer may have grown or shrunk since the page was shown: the page asked for, or the last there is.
        await _responseUrl.ReplaceAsync(press.ResponseUrl, SlackCommandAnswerRenderer.RenderPage(answer, command, page), CancellationToken.None);
    }

    private CommandRequest RequestFor(string command, Press press)
    {
        // Installed into many workspaces, a channel is kept with its workspace, as commands address it.
        var channel = Options.OAuth is null || press.TeamId is not { Length: > 0 } team ? press.ChannelId : new OAuth.WorkspaceChannel(team, press.ChannelId).ToString();
        return new CommandRequest(command, new Caller(press.UserId, Options.Admins.Contains(press.UserId)), new ChannelAddress("slack", channel));
    }
}
