namespace ResultsBot.Discord.Wire;

/// <summary>Up to 25 suggestions.</summary>
public sealed record AutocompleteChoices(IReadOnlyList<AutocompleteChoice> Choices);
