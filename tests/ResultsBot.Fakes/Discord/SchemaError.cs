namespace ResultsBot.Fakes.Discord;

/// <summary>One place a body breaks the schema or the docs' limits, in Discord's error vocabulary.</summary>
/// <param name="Path">Property names and array indexes from the body's root, e.g. ["embeds", "0", "title"].</param>
public sealed record SchemaError(IReadOnlyList<string> Path, string Code, string Message)
{
    public override string ToString() => $"{string.Join('.', Path)}: {Code} {Message}";
}
