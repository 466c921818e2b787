namespace ResultsBot.Rendering.Charts;

/// <summary>
/// Where the seats of a hemicycle go: rows of dots on concentric half circles, more on the outer rows, filled
/// left to right by angle so each party sits in one wedge, as parliament charts draw them.
/// </summary>
internal static class Hemicycle
{
    /// <summary>The seat centres, in order from the left, on a half circle of <paramref name="radius"/> around <paramref name="centreX"/>, <paramref name="centreY"/>; and the dot radius.</summary>
    public static (IReadOnlyList<(float X, float Y)> Seats, float Dot) Layout(int total, float centreX, float centreY, float radius)
    {
        if (total <= 0)
        {
            return ([], 0);
        }

        var rows = Math.Clamp((int)Math.Ceiling(Math.Sqrt(total / 4.0)), 1, 12);
        var inner = radius * 0.4f;
        var spacing = (radius - inner) / Math.Max(rows, 1);
        var radii = Enumerable.Range(0, rows).Select(i => inner + (spacing * (i + 0.5f))).ToArray();

        // Seats per row in proportion to its length; the remainder goes to the outer rows.
        var length = radii.Sum();
        var perRow = radii.Select(r => (int)Math.Floor(total * r / length)).ToArray();
        for (var i = rows - 1; perRow.Sum() < total; i = (i - 1 + rows) % rows)
        {
            perRow[i]++;
        }

        var seats = new List<(float X, float Y, double Angle)>(total);
        for (var row = 0; row < rows; row++)
        {
            var count = perRow[row];
            for (var j = 0; j < count; j++)
            {
                var angle = count == 1 ? Math.PI / 2 : Math.PI * (1 - (j / (double)(count - 1)));
                seats.Add(((float)(centreX + (radii[row] * Math.Cos(angle))), (float)(centreY - (radii[row] * Math.Sin(angle))), angle));
            }
        }

        var dot = Math.Min(spacing * 0.42f, (float)(Math.PI * radii[0] / Math.Max(perRow[0], 1)) * 0.42f);
        return ([.. seats.OrderByDescending(s => s.Angle).ThenBy(s => Math.Abs(s.Y - centreY)).Select(s => (s.X, s.Y))], dot);
    }
}
