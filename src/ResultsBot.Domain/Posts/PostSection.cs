namespace ResultsBot.Domain.Posts;

/// <summary>
/// One part of a post's body. A labelled section ("Seats won") becomes a field in an embed or a
/// Block Kit section; in plain text it reads "Seats won: ...".
/// </summary>
public sealed record PostSection(string? Label, string Text)
{
    public static PostSection Plain(string text) => new(null, text);

    public string ToPlainText() => Label is null ? Text : $"{Label}: {Text}";
}
