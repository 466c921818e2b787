using ResultsBot.Discord.Posts;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Posts;
using ResultsBot.Feeds;
using ResultsBot.Settings;
using ResultsBot.Slack.Posts;

namespace ResultsBot.Pipeline;

/// <summary>
/// Runs one sample declaration through parsing, a scratch book, the composer and the platform renderers
/// before the night starts, so the first real result does not pay for compiling that code (the cold
/// first declaration was the slowest file-to-platform time in bench/RESULTS.md). Nothing is stored or sent.
/// </summary>
internal static class Warmup
{
    public static void Run(DeclarationPostComposer composer, TimeProvider time)
    {
        var sample = Directory.Exists(BotSettings.SampleFeedDirectory)
            ? Directory.EnumerateFiles(BotSettings.SampleFeedDirectory, "*.xml").Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (sample is null)
        {
            return;
        }

        var book = ResultsBook.Empty;
        foreach (var message in FeedParser.Parse(File.ReadAllBytes(sample), Path.GetFileName(sample)).Messages)
        {
            var acceptance = book.Accept(message);
            book = acceptance.Book;
            if (message is Domain.Messages.CouncilDeclaration declaration)
            {
                var post = composer.Compose(declaration, book, time.GetUtcNow());
                _ = DiscordPostRenderer.Render(post).ToJsonString();
                _ = SlackPostRenderer.Render(post).ToJson("C0WARMUP").ToJsonString();
            }
        }
    }
}
