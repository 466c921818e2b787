namespace ResultsBot.Fakes.Discord;

/// <summary>A thread as the fake holds it: what tests read back (who opened it where, its name, whether archived).</summary>
/// <param name="Type">10 announcement thread, 11 public thread, 12 private thread.</param>
public sealed record FakeDiscordThread(string Id, string ParentId, string Name, string OwnerId, int Type, bool Archived, bool Locked, DateTimeOffset CreatedAt);
