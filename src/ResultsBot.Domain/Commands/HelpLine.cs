namespace ResultsBot.Domain.Commands;

/// <summary>One line of /help: how the command is typed ("/council NAME") and what it answers.</summary>
public sealed record HelpLine(string Usage, string Text);
