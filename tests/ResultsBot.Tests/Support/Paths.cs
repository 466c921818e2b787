namespace ResultsBot.Tests.Support;

/// <summary>Finds the repository, the shared folder beside it, and the built bot.</summary>
internal static class Paths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SharedFeeds => Path.Combine(RepoRoot, "..", "shared", "feeds", "pa-2026-test");

    public static string SharedData => Path.Combine(RepoRoot, "..", "shared", "data");

    /// <summary>The bot as built beside this test run (same configuration).</summary>
    public static string BotDll
    {
        get
        {
            // This assembly runs from tests/ResultsBot.Tests/bin/<Configuration>/net10.0/.
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            return Path.Combine(RepoRoot, "src", "ResultsBot", "bin", configuration, "net10.0", "ResultsBot.dll");
        }
    }

    public static string SharedFeedFile(string name) => Path.Combine(SharedFeeds, name);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResultsBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ResultsBot.sln not found above " + AppContext.BaseDirectory);
    }
}
