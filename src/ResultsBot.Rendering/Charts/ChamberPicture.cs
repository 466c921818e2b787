namespace ResultsBot.Rendering.Charts;

/// <summary>A council's new chamber: its parties' seats in order, left to right, with the seats each gained.</summary>
public sealed record ChamberPicture(string Title, string Subtitle, string Footer, IReadOnlyList<ChamberParty> Parties);

/// <param name="Gained">Seats the party gained tonight (its net change when positive): marked with a ring.</param>
public sealed record ChamberParty(string Name, string Colour, int Seats, int Gained = 0);
