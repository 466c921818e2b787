using System.Collections.Concurrent;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests.Support;

/// <summary>The store's forum threads as a dictionary (the stores themselves are checked by the store contract tests).</summary>
public sealed class MemoryForumThreads : IForumThreadStore
{
    private readonly ConcurrentDictionary<(string, string), string> _threads = new();

    public string? FindForumThread(string channel, string title) => _threads.GetValueOrDefault((channel, title));

    public void RememberForumThread(string channel, string title, string threadId) => _threads.TryAdd((channel, title), threadId);
}
