using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Discord;

/// <summary>The bot's response to an interaction: callback type (1, 4, 5, 8...), its data, and how long after the interaction it came.</summary>
public sealed record FakeDiscordInteractionsCallback(int Type, JsonObject? Data, TimeSpan Elapsed)
{
    public string? Content => Data?["content"]?.GetValue<string>();

    /// <summary>Files uploaded with the callback (multipart), with their alt text.</summary>
    public IReadOnlyList<FakeDiscordAttachment> Attachments { get; init; } = [];

    public bool Ephemeral => Data?["flags"] is JsonValue flags && flags.TryGetValue<int>(out var bits) && (bits & 64) != 0;
}
