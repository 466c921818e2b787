namespace ResultsBot.Rendering.Charts;

/// <summary>A chart of labelled bars: the board's councillors and their net change, a national share, a mayoralty's candidates.</summary>
/// <param name="Note">A line under the bars saying what they measure and on what basis.</param>
public sealed record BarPicture(string Title, string Subtitle, string Footer, IReadOnlyList<Bar> Bars, string ValueLabel, string? Note = null);

/// <param name="Value">The bar's length (seats, a share in per cent, a signed change).</param>
/// <param name="Text">What is printed at the end of the bar ("1,159", "+116", "45.2%").</param>
/// <param name="Marked">Drawn with a heavy outline: the winner, the leader.</param>
public sealed record Bar(string Label, string Colour, double Value, string Text, bool Marked = false);
