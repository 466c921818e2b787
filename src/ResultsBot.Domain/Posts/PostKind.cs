namespace ResultsBot.Domain.Posts;

public enum PostKind
{
    Declaration,
    Correction,
}
