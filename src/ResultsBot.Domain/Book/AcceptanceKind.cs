namespace ResultsBot.Domain.Book;

public enum AcceptanceKind
{
    /// <summary>The first message under its key.</summary>
    New,

    /// <summary>A higher revision replaced an earlier message.</summary>
    Superseding,

    /// <summary>An equal or lower revision: nothing changes.</summary>
    Stale,
}
