using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Commands;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.Commands;

/// <summary>
/// "Share to channel" pressed under a private answer (a block_actions interaction, over HTTP or Socket Mode): the
/// command in the button's value is run again as the presser, and its answer posted at the interaction's response_url
/// with response_type in_channel, which Slack shows to everyone in the channel (the bot need not be a member); then
/// the private copy is deleted, so it cannot be shared twice by mistake. The answer is what the command gives now.
/// Every press comes in here and goes to its button's handler: "Full result" and Previous/Next are in
/// SlashCommandHandler.Buttons.cs.
/// </summary>
public sealed partial class SlashCommandHandler
{
    internal const string UnknownButtonText = "Sorry, I don't recognise that button: it may be from an older version of ResultsBot. Type /results help to see what I can answer.";

    internal const string BlockActions = "block_actions";

    /// <summary>Handles one interaction's payload after it has been acknowledged; never throws.</summary>
    internal async Task HandleInteractionAsync(InteractivePayload payload)
    {
        try
        {
            if (payload.Type != BlockActions)
            {
                _logger.LogDebug("Acknowledged and ignored a Slack {Type} interaction", payload.Type ?? "untyped");
                return;
            }

            var action = payload.Actions is [var only] ? only : null;
            if (payload.User?.Id is not { Length: > 0 } userId || payload.Channel?.Id is not { Length: > 0 } channelId)
            {
                await UnknownPressAsync(payload, action);
                return;
            }

            var press = new Press(userId, channelId, payload.Team?.Id, payload.ResponseUrl);
            switch (action)
            {
                case { ActionId: SlackCommandAnswerRenderer.ShareActionId, Value: { } command } when CommandCatalogue.ReadsOnly(command):
                    await ShareAsync(command, press);
                    break;
                case { ActionId: SlackButtons.FullResultActionId }:
                    await FullResultAsync(action.Value, press);
                    break;
                case { ActionId: SlackButtons.PreviousActionId or SlackButtons.NextActionId } when SlackButtons.ReadPage(action.Value) is { } page:
                    await TurnPageAsync(page.Page, page.CommandText, press);
                    break;
                default:
                    await UnknownPressAsync(payload, action);
                    break;
            }
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Answering a Slack button press failed");
        }
    }

    private async Task UnknownPressAsync(InteractivePayload payload, SlackAction? action)
    {
        _logger.LogWarning("A Slack button press the bot does not know ({Action}); the presser is told", action?.ActionId ?? "no action");
        await _responseUrl.PostAsync(payload.ResponseUrl, Problem(UnknownButtonText), CancellationToken.None);
    }

    private async Task ShareAsync(string command, Press press)
    {
        // In many-workspace mode the channel is kept with its workspace, as the command itself was asked.
        var answer = await RunCommandAsync(RequestFor(command, press));
        var responseUrl = press.ResponseUrl;
        if (!answer.Ok)
        {
            // Nothing to show the channel (the store in trouble, say): the presser alone is told why.
            await _responseUrl.PostAsync(responseUrl, Problem(answer.Text), CancellationToken.None);
            return;
        }

        var shared = SlackCommandAnswerRenderer.Render(answer, inChannel: true) with { Picture = answer.Picture };
        if (await _responseUrl.PostAsync(responseUrl, shared, CancellationToken.None))
        {
            await _responseUrl.DeleteOriginalAsync(responseUrl, CancellationToken.None);
            await SendPictureAsync(responseUrl, shared, press.TeamId);
        }
    }

    private static SlackCommandResponse Problem(string text) => SlackCommandAnswerRenderer.Render(CommandAnswer.Problem(text), inChannel: false);
}
