using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ResultsBot.Domain.Commands;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.Commands;

/// <summary>
/// An answer as Slack takes it: the HTTP response to a slash command, the payload of a Socket Mode ack,
/// or (with <see cref="ReplaceOriginal"/> false) a POST to the command's response_url — the answer's text, or the
/// picture that follows it as one image block.
/// </summary>
/// <param name="ResponseType">"ephemeral" (only the caller sees it) or "in_channel".</param>
/// <param name="Text">The plain fallback shown in notifications; the blocks carry the whole answer.</param>
public sealed record SlackCommandResponse(string ResponseType, string Text, IReadOnlyList<SlackBlock> Blocks)
{
    public const string Ephemeral = "ephemeral";
    public const string InChannel = "in_channel";

    public bool? ReplaceOriginal { get; init; }

    /// <summary>The picture the answer asked for (/map, /chamber, /chart): it follows at response_url once this is shown. Never sent.</summary>
    [JsonIgnore]
    public PictureRequest? Picture { get; init; }

    /// <summary>Always false: the fallback text repeats feed and typed text, which must not format where Slack shows it.</summary>
    public bool Mrkdwn { get; init; }

    /// <summary>The answer as JSON, exactly as it is sent (for checks that read the payload).</summary>
    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, SlackJsonContext.Default.SlackCommandResponse)!.AsObject();
}
