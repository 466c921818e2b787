namespace ResultsBot.Domain.Commands;

/// <summary>A command's text option. <see cref="Completes"/> names what autocomplete suggests ("council", "party") or is null.</summary>
/// <param name="Keyword">True when the engine reads the option's name before its value ("/share set LAB 34 ...").</param>
public sealed record CommandOption(string Name, string Description, bool Required, string? Completes = null, bool Keyword = false);
