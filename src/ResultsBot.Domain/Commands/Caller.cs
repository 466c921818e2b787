namespace ResultsBot.Domain.Commands;

/// <summary>Who asked: a platform's user id ("console" at the terminal) and whether configuration makes them an admin.</summary>
public sealed record Caller(string Id, bool IsAdmin)
{
    public static Caller Anonymous { get; } = new("anonymous", false);
}
