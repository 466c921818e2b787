using System.Globalization;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>A referendum's result as a post: "Bradford referendum: Yes wins with 54.3%", the question, each answer's votes and share, turnout.</summary>
public sealed class ReferendumPostComposer(CultureInfo culture, string sourceName = "Local referendum")
{
    public Post Compose(Referendum referendum, DateTimeOffset? receivedAt = null) =>
        Finish(new Post(PostKind.Declaration, referendum.Key, Headline(referendum), [.. Lines(referendum).Select(PostSection.Plain)]), referendum, receivedAt);

    /// <summary>A later revision: what changed against the earlier result, then the result in full.</summary>
    public Post ComposeCorrection(Referendum previous, Referendum referendum, DateTimeOffset? receivedAt = null)
    {
        var changes = referendum.Answers
            .Select(a => (Answer: a, Before: previous.Answers.FirstOrDefault(p => p.Name == a.Name)))
            .Where(x => x.Before is null || x.Before.Votes != x.Answer.Votes)
            .Select(x => x.Before is null ? $"{x.Answer.Name} added" : $"{x.Answer.Name} {Numbers.Count(x.Before.Votes, culture)} → {Numbers.Count(x.Answer.Votes, culture)}")
            .ToList();
        var summary = changes.Count == 0
            ? $"Revision {referendum.Revision} corrects the turnout figures."
            : $"Revision {referendum.Revision} corrects the earlier result: {string.Join("; ", changes)}.";
        return Finish(new Post(PostKind.Correction, referendum.Key, "Correction: " + Headline(referendum), [PostSection.Plain(summary), .. Lines(referendum).Select(PostSection.Plain)]), referendum, receivedAt);
    }

    public string Headline(Referendum referendum) => referendum.Winner switch
    {
        null => $"{referendum.Area} referendum: a tie",
        var winner => $"{referendum.Area} referendum: {winner.Name} wins with {Percent(winner.Votes, referendum.ValidVotes)}%",
    };

    public IReadOnlyList<string> Lines(Referendum referendum)
    {
        var lines = new List<string> { $"Question: {referendum.Question}" };
        lines.AddRange(referendum.Answers.OrderByDescending(a => a.Votes)
            .Select(a => $"{a.Name} {Numbers.Count(a.Votes, culture)} ({Percent(a.Votes, referendum.ValidVotes)}%)"));
        var ballots = referendum.ValidVotes + (referendum.Rejected ?? 0);
        var share = referendum.Electorate is > 0 and var electorate ? $" ({Percent(ballots, electorate)}% of {Numbers.Count(electorate, culture)})" : "";
        lines.Add($"Turnout {Numbers.Count(ballots, culture)}{share}.");
        if (referendum.Rejected is > 0 and var rejected)
        {
            lines.Add($"Rejected ballots {Numbers.Count(rejected, culture)}.");
        }

        return lines;
    }

    private string Percent(int votes, int total) =>
        total == 0 ? "0" : Math.Round(100m * votes / total, 1).ToString("0.0", culture);

    private Post Finish(Post post, Referendum referendum, DateTimeOffset? receivedAt)
    {
        var time = (referendum.DeclaredAt ?? receivedAt) is { } at ? " · " + UkTime.Format(at, culture) : "";
        return post with
        {
            Footer = sourceName + time,
            Topic = new PostTopic(CouncilKey.For(referendum.Area), referendum.Area, "referendum", new HashSet<string>(), false),
        };
    }
}
