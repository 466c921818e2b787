using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResultsBot.Feeds;
using ResultsBot.Feeds.Sources;
using ResultsBot.Application.Pipeline;

namespace ResultsBot.Verbs;

/// <summary>Validates a feed: one line per bad file on stdout, a summary on stderr, exit 1 if any file is bad.</summary>
internal static class CheckVerb
{
    public static async Task<int> RunAsync(IHost host, TextWriter output, TextWriter error)
    {
        var documents = await host.Services.GetRequiredService<IFeedSource>().PollAsync(CancellationToken.None);
        var bad = 0;
        var unread = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var document in documents.OrderBy(d => d.Origin, StringComparer.Ordinal))
        {
            var outcome = FeedParser.Parse(document.Content);
            if (outcome.Problem is { } problem)
            {
                bad++;
                await output.WriteLineAsync($"{ProblemReporter.DisplayName(document.Origin)}: {problem}");
            }
            else if (outcome.NotReadYet is { } type)
            {
                unread.Add(type);
            }
        }

        var notRead = unread.Count == 0 ? "" : $"; some are message types not read yet ({string.Join(", ", unread)})";
        await error.WriteLineAsync($"checked {documents.Count} files: {bad} bad{notRead}");
        return bad > 0 ? 1 : 0;
    }
}
