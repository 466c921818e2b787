using System.Text.Json.Nodes;

namespace ResultsBot.Discord.Interactions;

/// <summary>The JSON bodies of interaction responses and follow-ups.</summary>
internal static class InteractionMessages
{
    public const int Pong = 1;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int AutocompleteResult = 8;

    /// <summary>Only the caller sees the message.</summary>
    public const int EphemeralFlag = 64;

    /// <summary>A message body: content, never a ping (feed text could hold "@everyone"), ephemeral when asked.</summary>
    public static JsonObject Message(string content, bool ephemeral)
    {
        var message = new JsonObject
        {
            ["content"] = content.Length == 0 ? "(no answer)" : content,
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };
        if (ephemeral)
        {
            message["flags"] = EphemeralFlag;
        }

        return message;
    }

    public static JsonObject Response(int type, JsonObject? data = null)
    {
        var response = new JsonObject { ["type"] = type };
        if (data is not null)
        {
            response["data"] = data;
        }

        return response;
    }

    public static JsonObject Choices(IEnumerable<string> suggestions)
    {
        var choices = new JsonArray();
        foreach (var suggestion in suggestions.Where(s => s.Length is > 0 and <= 100).Distinct(StringComparer.Ordinal).Take(25))
        {
            // The name is shown as typed (no markdown), but a council name from the feed could still carry bidi
            // controls that make it read as something else; the value goes back to us unchanged.
            var name = Posts.DiscordMarkdown.StripControls(suggestion);
            choices.Add((JsonNode)new JsonObject { ["name"] = name.Length == 0 ? suggestion : name, ["value"] = suggestion }); // no reflection: trim-safe
        }

        return Response(AutocompleteResult, new JsonObject { ["choices"] = choices });
    }
}
