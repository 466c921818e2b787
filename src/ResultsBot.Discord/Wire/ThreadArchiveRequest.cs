namespace ResultsBot.Discord.Wire;

/// <summary>Modify Channel for a thread: {"archived": false} unarchives one that is not locked (Send Messages is enough).</summary>
public sealed record ThreadArchiveRequest(bool Archived);
