namespace ResultsBot.Domain.Commands;

/// <summary>An answer to a command. <see cref="Ok"/> is false when the user asked for something the bot cannot give.</summary>
public sealed record CommandAnswer(string Text, bool Ok = true)
{
    public static CommandAnswer Problem(string text) => new(text, false);
}
