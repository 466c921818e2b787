using System.Globalization;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// One post for several declarations that came close together, a headline each — how newsroom bots
/// group the calls at 4 a.m. rather than flood a channel. The details stay a /council away.
/// </summary>
public sealed class DigestComposer(CultureInfo culture)
{
    public Post Compose(IReadOnlyList<Post> declarations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(declarations.Count, 2);
        var sections = declarations.Select(p => PostSection.Plain(p.Headline)).ToList();
        if (declarations[^1].Lines is [.., var progress] && progress.EndsWith(" declared", StringComparison.Ordinal))
        {
            sections.Add(PostSection.Plain(progress));
        }

        // Mayors and parliament seats digest with councils; then they are results, not councils.
        var noun = declarations.All(p => p.Topic?.ElectionType is null or "council") ? "councils" : "results";
        return new Post(PostKind.Digest, "digest/" + declarations[0].Subject, $"{Numbers.Count(declarations.Count, culture)} {noun} declared", sections)
        {
            Footer = declarations[^1].Footer,
        };
    }
}
