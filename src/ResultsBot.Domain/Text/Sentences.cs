namespace ResultsBot.Domain.Text;

/// <summary>Small helpers for building sentences out of parts.</summary>
public static class Sentences
{
    /// <summary>"Turnout 6,550 ballots (was 6,540)." from a list that happened to start with "turnout".</summary>
    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
