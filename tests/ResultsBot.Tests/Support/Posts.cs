namespace ResultsBot.Tests.Support;

/// <summary>Reads the bot's stdout back as posts: blocks separated by a blank line, the first line the headline.</summary>
internal static class Posts
{
    public static IReadOnlyList<string[]> Split(string stdout) =>
        [.. stdout.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(block => block.Split('\n'))];

    public static IReadOnlyList<string> Headlines(string stdout) => [.. Split(stdout).Select(lines => lines[0])];
}
