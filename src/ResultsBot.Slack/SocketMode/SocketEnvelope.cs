using System.Text.Json;
using ResultsBot.Slack.Commands;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.SocketMode;

/// <summary>One delivery from Slack: slash_commands, events_api or interactive, to be acknowledged by id.</summary>
/// <param name="Payload">As Slack sent it; read by type (<see cref="Command"/> for slash_commands).</param>
/// <param name="RetryAttempt">0 the first time; Slack delivers again (with this raised) what was not acknowledged in time.</param>
internal sealed record SocketEnvelope(string EnvelopeId, string Type, JsonElement? Payload, bool AcceptsResponsePayload, int RetryAttempt)
{
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";

    /// <summary>The interaction an interactive envelope carries (a button pressed), or null when there is none to read.</summary>
    public InteractivePayload? Interaction() => Read(SlackJsonContext.Default.InteractivePayload);

    /// <summary>The slash command a slash_commands envelope carries, or null when it lacks a command, user or channel.</summary>
    public SlashCommand? Command() => SlashCommand.FromPayload(Read(SlackJsonContext.Default.SlashCommandPayload));

    /// <summary>Who opened the app's Home tab, when this is an app_home_opened event for the Home tab (not the Messages tab).</summary>
    public string? HomeOpenedBy() =>
        Type == "events_api" && Read(SlackJsonContext.Default.EventsApiPayload)?.Event is { Type: "app_home_opened", Tab: "home", User: { Length: > 0 } user }
            ? user
            : null;

    /// <summary>What an envelope we only acknowledge is about, for the log: the event's type or the interaction's.</summary>
    public string? Subject() => Type switch
    {
        "events_api" => Read(SlackJsonContext.Default.EventsApiPayload)?.Event?.Type,
        "interactive" => Read(SlackJsonContext.Default.InteractivePayload)?.Type,
        _ => null,
    };

    private T? Read<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        if (Payload is not { ValueKind: JsonValueKind.Object } payload)
        {
            return null;
        }

        try
        {
            return payload.Deserialize(type);
        }
        catch (JsonException)
        {
            // A field of a type Slack does not document: as good as no payload.
            return null;
        }
    }
}
