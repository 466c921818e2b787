using System.Text.Json;

namespace ResultsBot.Discord.Wire;

/// <summary>Discord's error body (and a 429's): its code (10003 Unknown Channel...), message, and for a 429 how long to wait.</summary>
public sealed record DiscordError
{
    public int? Code { get; init; }

    public string? Message { get; init; }

    /// <summary>Seconds, with a fraction.</summary>
    public double? RetryAfter { get; init; }

    public bool? Global { get; init; }

    /// <summary>
    /// Why a form was invalid: a tree keyed by the refused body's own field names and indexes ("embeds" → "0" →
    /// "title" → "_errors"), so its shape follows whatever was sent. A JsonElement, walked by name, is the honest
    /// type for it.
    /// </summary>
    public JsonElement? Errors { get; init; }
}
