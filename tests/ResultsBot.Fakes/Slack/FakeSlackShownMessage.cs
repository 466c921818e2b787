using System.Text.Json;

namespace ResultsBot.Fakes.Slack;

/// <summary>A message as a response_url left it: its body (text, blocks) and whether only the presser sees it.</summary>
public sealed record FakeSlackShownMessage(JsonElement Body, bool Ephemeral)
{
    /// <summary>The message's fallback text.</summary>
    public string? Text => Body.TryGetProperty("text", out var text) ? text.GetString() : null;

    /// <summary>The labels of its buttons, in order.</summary>
    public IReadOnlyList<string> Buttons =>
        Body.TryGetProperty("blocks", out var blocks)
            ? [.. blocks.EnumerateArray().Where(b => b.GetProperty("type").GetString() == "actions")
                .SelectMany(b => b.GetProperty("elements").EnumerateArray()).Select(e => e.GetProperty("text").GetProperty("text").GetString() ?? "")]
            : [];
}
