using ResultsBot.Domain.Book;
using ResultsBot.Feeds;
using ResultsBot.Feeds.Pa;

namespace ResultsBot.Benchmarks;

/// <summary>The bundled 2024 sample (107 councils) read into a results book, as the bot holds it on the night.</summary>
internal static class SampleNight
{
    public static ResultsBook Load()
    {
        var folder = FindSamples();
        var messages = Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal)
            .SelectMany(f => PaFeedParser.Parse(File.ReadAllBytes(f)).Messages)
            .ToList();
        var book = ResultsBook.Empty.ExpectCouncils(messages.OfType<Domain.Messages.CouncilDeclaration>().Select(d => d.Council.Name));
        foreach (var message in FeedBatch.Arrange(messages, m => m))
        {
            book = book.Accept(message).Book;
        }

        return book.DeclaredCount == 107 ? book : throw new InvalidOperationException($"expected 107 councils in {folder}, read {book.DeclaredCount}");
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var samples = Path.Combine(dir.FullName, "samples", "england-locals-2024");
            if (Directory.Exists(samples))
            {
                return samples;
            }
        }

        throw new DirectoryNotFoundException("samples/england-locals-2024 not found above " + AppContext.BaseDirectory);
    }
}
