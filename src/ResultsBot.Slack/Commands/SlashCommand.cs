using Microsoft.Extensions.Primitives;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.Commands;

/// <summary>
/// The fields of a slash command we use, as Slack sends them: form-encoded over HTTP, a JSON object
/// inside a Socket Mode envelope. Both carry the same names.
/// </summary>
internal sealed record SlashCommand(string Command, string Text, string UserId, string ChannelId, string TeamId, string? ResponseUrl, string? TriggerId)
{
    public static SlashCommand? FromForm(IReadOnlyDictionary<string, StringValues> form)
    {
        string? Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
        return Create(Field("command"), Field("text"), Field("user_id"), Field("channel_id"), Field("team_id"), Field("response_url"), Field("trigger_id"));
    }

    public static SlashCommand? FromPayload(SlashCommandPayload? payload) =>
        payload is null ? null : Create(payload.Command, payload.Text, payload.UserId, payload.ChannelId, payload.TeamId, payload.ResponseUrl, payload.TriggerId);

    private static SlashCommand? Create(string? command, string? text, string? userId, string? channelId, string? teamId, string? responseUrl, string? triggerId) =>
        string.IsNullOrEmpty(command) || string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(channelId)
            ? null
            : new SlashCommand(command, text ?? "", userId, channelId, teamId ?? "", string.IsNullOrEmpty(responseUrl) ? null : responseUrl, triggerId);
}
