using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Discord;

/// <summary>An accepted bulk overwrite of commands: global when <see cref="GuildId"/> is null.</summary>
public sealed record FakeDiscordInteractionsRegistration(string ApplicationId, string? GuildId, JsonArray Commands);
