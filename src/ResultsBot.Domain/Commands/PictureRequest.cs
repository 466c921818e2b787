namespace ResultsBot.Domain.Commands;

/// <summary>What picture goes with an answer or a post: the host draws it (the domain draws nothing).</summary>
public enum PictureKind
{
    /// <summary>The night's hex map of council control.</summary>
    Map,

    /// <summary>One council's new chamber; the subject is its message key.</summary>
    Chamber,

    /// <summary>The board's net change in councillors by party.</summary>
    Chart,
}

/// <param name="Subject">For a chamber, the council's message key ("council/thurrock").</param>
public sealed record PictureRequest(PictureKind Kind, string? Subject = null);
