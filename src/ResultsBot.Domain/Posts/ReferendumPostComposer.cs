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

    /// <summary>
    /// A later revision: what our earlier post said and when (its declaration time, else when it was
    /// received), what is right now, and the figures that changed; then the result in full.
    /// </summary>
    public Post ComposeCorrection(Referendum previous, Referendum referendum, DateTimeOffset? receivedAt = null, DateTimeOffset? previousReceivedAt = null)
    {
        var changes = referendum.Answers
            .Select(a => (Answer: a, Before: previous.Answers.FirstOrDefault(p => p.Name == a.Name)))
            .Where(x => x.Before is null || x.Before.Votes != x.Answer.Votes)
            .Select(x => $"{x.Answer.Name} {Numbers.Count(x.Answer.Votes, culture)}" + (x.Before is { } b ? $" (was {Numbers.Count(b.Votes, culture)})" : ""))
            .ToList();
        if (previous.Rejected != referendum.Rejected)
        {
            changes.Add($"rejected ballots {Numbers.Count(referendum.Rejected ?? 0, culture)} (was {Numbers.Count(previous.Rejected ?? 0, culture)})");
        }

        if (previous.Electorate != referendum.Electorate && referendum.Electorate is { } electorate)
        {
            changes.Add($"electorate {Numbers.Count(electorate, culture)}" + (previous.Electorate is { } e ? $" (was {Numbers.Count(e, culture)})" : ""));
        }

        var earlier = EarlierPost.Named(previous.DeclaredAt ?? previousReceivedAt, culture);
        var (before, now) = (Outcome(previous), Outcome(referendum));
        var headline = before == now
            ? $"Correction — {referendum.Area} referendum: {earlier} gave other figures; the result stands: {now}"
            : $"Correction — {referendum.Area} referendum: {earlier} said {before}; {now}";
        var figures = changes.Count == 0 ? "The figures are unchanged." : string.Join("; ", changes) + ".";
        return Finish(new Post(PostKind.Correction, referendum.Key, headline, [PostSection.Plain(Sentences.Capitalised(figures)), .. Lines(referendum).Select(PostSection.Plain)]), referendum, receivedAt);
    }

    public string Headline(Referendum referendum) => $"{referendum.Area} referendum: {Outcome(referendum)}";

    /// <summary>"No wins with 56.2%", or "a tie".</summary>
    private string Outcome(Referendum referendum) => referendum.Winner switch
    {
        null => "a tie",
        var winner => $"{winner.Name} wins with {Percent(winner.Votes, referendum.ValidVotes)}%",
    };

    public IReadOnlyList<string> Lines(Referendum referendum)
    {
        var lines = new List<string> { $"Question: {referendum.Question}" };
        lines.AddRange(referendum.Answers.OrderByDescending(a => a.Votes)
            .Select(a => $"{a.Name} {Numbers.Count(a.Votes, culture)} ({Percent(a.Votes, referendum.ValidVotes)}%)"));
        var ballots = referendum.ValidVotes + (referendum.Rejected ?? 0);
        lines.Add(TurnoutText.Line(ballots, null, null, referendum.Electorate, culture)!);
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
