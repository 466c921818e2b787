namespace ResultsBot.Rendering.Charts;

/// <summary>How a council shows on the map tonight.</summary>
public enum MapState
{
    /// <summary>Declared, with a party in control (its colour).</summary>
    Controlled,

    /// <summary>Declared, no party in control (grey).</summary>
    NoOverallControl,

    /// <summary>Up tonight, not declared yet (outlined).</summary>
    Awaiting,

    /// <summary>No election tonight (pale).</summary>
    NotUp,
}

/// <param name="Colour">The controlling party's colour ("#E4003B") when <see cref="State"/> is Controlled.</param>
/// <param name="Gained">Control changed hands tonight: marked with a dark outline.</param>
public sealed record MapCouncil(string Gss, string Name, MapState State, string? Colour = null, bool Gained = false);

/// <param name="Legend">The parties in control, with their colours, in the order the legend lists them.</param>
public sealed record MapPicture(string Title, string Progress, string Footer, IReadOnlyList<MapCouncil> Councils, IReadOnlyList<LegendEntry> Legend);

/// <param name="IsControl">False for entries that are not who controls a council ("Still to declare"): the alt text lists control only.</param>
public sealed record LegendEntry(string Label, string Colour, int Count, bool IsControl = true);
