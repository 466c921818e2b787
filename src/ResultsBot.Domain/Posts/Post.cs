namespace ResultsBot.Domain.Posts;

/// <summary>
/// What the bot says about one message: a headline that stands alone, then body lines.
/// <see cref="Subject"/> is the message key it is about, so a correction can find the post it corrects.
/// </summary>
public sealed record Post(PostKind Kind, string Subject, string Headline, IReadOnlyList<string> Lines)
{
    public string ToPlainText() => Lines.Count == 0
        ? Headline
        : Headline + "\n" + string.Join("\n", Lines);
}
