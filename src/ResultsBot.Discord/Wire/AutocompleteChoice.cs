namespace ResultsBot.Discord.Wire;

/// <summary>A suggestion: Name is shown, Value comes back as the option's value.</summary>
public sealed record AutocompleteChoice(string Name, string Value);
