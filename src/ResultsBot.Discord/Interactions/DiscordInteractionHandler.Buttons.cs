using ResultsBot.Discord.Posts;
using ResultsBot.Discord.Rest;
using ResultsBot.Discord.Wire;
using ResultsBot.Domain.Commands;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Interactions;

/// <summary>
/// Button presses (MESSAGE_COMPONENT, type 3): "Full result" under a post answers the presser alone (type 4,
/// ephemeral), Previous/Next under a long answer turn its page in place (type 7, UPDATE_MESSAGE). Each press runs its
/// command again, as the presser, so the answer is what that command gives now: a result corrected since the post
/// went out is shown corrected. A slow answer is deferred as a slash command's is (type 5 ephemeral, or type 6).
/// </summary>
public sealed partial class DiscordInteractionHandler
{
    internal const string UnknownButtonText = "Sorry, I don't recognise that button: it may be from an older version of ResultsBot. Type /help to see what I can answer.";

    private Task AnswerPressAsync(DiscordInteraction interaction, Func<DiscordBody, CancellationToken, Task> respond, CancellationToken cancellationToken) =>
        ButtonIds.Read(interaction.Data?.CustomId) switch
        {
            ButtonIds.FullResultPress full => AnswerFullResultAsync(interaction, full, respond, cancellationToken),
            ButtonIds.PagePress page => TurnPageAsync(interaction, page, respond, cancellationToken),
            _ => respond(InteractionMessages.Response(InteractionMessages.ChannelMessage, InteractionMessages.Message(UnknownButtonText, ephemeral: true)), cancellationToken),
        };

    private async Task AnswerFullResultAsync(DiscordInteraction interaction, ButtonIds.FullResultPress press, Func<DiscordBody, CancellationToken, Task> respond, CancellationToken cancellationToken)
    {
        var answering = RunAsync(RequestFor(interaction, press.CommandText), cancellationToken);
        var deferred = !answering.IsCompleted && await DeadlinePassesFirstAsync(answering, cancellationToken);
        if (deferred)
        {
            // "Thinking…", seen only by the presser, so the answer that replaces it stays private too.
            await respond(InteractionMessages.Response(InteractionMessages.DeferredChannelMessage, new DiscordMessage { Flags = InteractionMessages.EphemeralFlag }), cancellationToken);
        }

        var (answer, _) = await answering;
        var parts = string.IsNullOrWhiteSpace(answer.Text) ? [""] : DiscordMessageText.Split(answer.Text);
        var first = InteractionMessages.Message(parts[0], ephemeral: true);
        if (deferred)
        {
            await _api.SendAsync(HttpMethod.Patch, OriginalPath(interaction), DiscordBody.Of(first), authorised: false, cancellationToken);
        }
        else
        {
            await respond(InteractionMessages.Response(InteractionMessages.ChannelMessage, first), cancellationToken);
        }

        foreach (var part in parts.Skip(1))
        {
            await _api.SendAsync(HttpMethod.Post, FollowUpPath(interaction), DiscordBody.Of(InteractionMessages.Message(part, ephemeral: true)), authorised: false, cancellationToken);
        }
    }

    private async Task TurnPageAsync(DiscordInteraction interaction, ButtonIds.PagePress press, Func<DiscordBody, CancellationToken, Task> respond, CancellationToken cancellationToken)
    {
        var answering = RunAsync(RequestFor(interaction, press.CommandText), cancellationToken);
        var deferred = !answering.IsCompleted && await DeadlinePassesFirstAsync(answering, cancellationToken);
        if (deferred)
        {
            // Acknowledged without a "thinking" state: the message the buttons are on is edited once the page is ready.
            await respond(InteractionMessages.Response(InteractionMessages.DeferredUpdateMessage), cancellationToken);
        }

        var (answer, _) = await answering;
        if (!answer.Ok)
        {
            // The page stays as it is; the problem is said to the presser alone.
            var problem = DiscordBody.Of(InteractionMessages.Message(answer.Text, ephemeral: true));
            await (deferred
                ? _api.SendAsync(HttpMethod.Post, FollowUpPath(interaction), problem, authorised: false, cancellationToken)
                : respond(InteractionMessages.Response(InteractionMessages.ChannelMessage, InteractionMessages.Message(answer.Text, ephemeral: true)), cancellationToken));
            return;
        }

        // The answer may have grown or shrunk since the page was shown: the page asked for, or the last there is.
        var parts = string.IsNullOrWhiteSpace(answer.Text) ? [""] : DiscordMessageText.Split(answer.Text);
        var page = Math.Min(press.Page, parts.Count);
        var message = parts.Count > 1
            ? InteractionMessages.Page(parts[page - 1], page, parts.Count, press.CommandText)
            : InteractionMessages.Message(parts[0], ephemeral: false) with { Components = [] };
        if (deferred)
        {
            await _api.SendAsync(HttpMethod.Patch, OriginalPath(interaction), DiscordBody.Of(message), authorised: false, cancellationToken);
        }
        else
        {
            await respond(InteractionMessages.Response(InteractionMessages.UpdateMessage, message), cancellationToken);
        }
    }

    private CommandRequest RequestFor(DiscordInteraction interaction, string commandText) =>
        new(commandText, CallerOf(interaction), new ChannelAddress("discord", ChannelOf(interaction)));
}
