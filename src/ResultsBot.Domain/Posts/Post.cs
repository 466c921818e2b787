namespace ResultsBot.Domain.Posts;

/// <summary>
/// What the bot says about one message, in a structured form the platforms render (title, sections
/// some of which are fields, the winning party's colour, a footer with source and time) and as plain text.
/// <see cref="Subject"/> is the message key it is about, so a correction can find the post it corrects.
/// </summary>
public sealed record Post(PostKind Kind, string Subject, string Headline, IReadOnlyList<PostSection> Sections)
{
    public Post(PostKind kind, string subject, string headline, IReadOnlyList<string> lines)
        : this(kind, subject, headline, [.. lines.Select(PostSection.Plain)])
    {
    }

    /// <summary>Hex colour such as "#E4003B": the winning party's, or grey for no overall control.</summary>
    public string? Colour { get; init; }

    /// <summary>Where the result came from and when, e.g. "PA Media · 3 May 2024, 03:12 UK time".</summary>
    public string? Footer { get; init; }

    /// <summary>What the post is about; null for night-wide news (milestones, the national share, digests).</summary>
    public PostTopic? Topic { get; init; }

    public IReadOnlyList<string> Lines => [.. Sections.Select(s => s.ToPlainText())];

    public string ToPlainText() => Sections.Count == 0
        ? Headline
        : Headline + "\n" + string.Join("\n", Lines);
}
