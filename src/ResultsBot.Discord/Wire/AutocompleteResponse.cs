namespace ResultsBot.Discord.Wire;

/// <summary>An autocomplete interaction's response (type 8) with its choices.</summary>
public sealed record AutocompleteResponse(int Type, AutocompleteChoices Data);
