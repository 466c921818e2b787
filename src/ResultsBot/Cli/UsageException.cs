namespace ResultsBot.Cli;

/// <summary>The command line itself is wrong; the bot prints usage and exits 2.</summary>
public sealed class UsageException(string message) : Exception(message);
