using ResultsBot.Domain.Book;
using ResultsBot.Feeds;

namespace ResultsBot.Rendering.Tests;

/// <summary>The bundled 2024 sample, read as the bot reads it: the first <c>count</c> councils declared, all 107 expected.</summary>
internal static class SampleNight
{
    private static readonly string Folder = Path.Combine(FindRepoRoot(), "samples", "england-locals-2024");

    public static ResultsBook Declared(int count)
    {
        var files = Directory.GetFiles(Folder, "*.xml").Order(StringComparer.Ordinal).ToList();
        var messages = files.SelectMany(f => FeedParser.Parse(File.ReadAllBytes(f), Path.GetFileName(f)).Messages).ToList();
        var book = ResultsBook.Empty.ExpectCouncils(messages.OfType<Domain.Messages.CouncilDeclaration>().Select(d => d.Council.Name));
        return messages.Take(count).Aggregate(book, (b, m) => b.Accept(m).Book);
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ResultsBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("no ResultsBot.sln above the test run");
    }
}
