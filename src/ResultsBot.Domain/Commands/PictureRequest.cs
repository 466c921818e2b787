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

    /// <summary>A mayoralty's or police area's candidates by share; the subject is the result's message key.</summary>
    Candidates,

    /// <summary>The projected national share by party, the leader marked.</summary>
    Share,
}

/// <param name="Subject">For a chamber, the council's message key ("council/thurrock"); for candidates, the result's.</param>
public sealed record PictureRequest(PictureKind Kind, string? Subject = null);
